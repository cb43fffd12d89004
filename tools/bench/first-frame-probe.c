/* first-frame-probe: wait until a colour appears in a screen region, print when.
 *
 *   first-frame-probe --display :N --region X,Y,W,H --color RRGGBB
 *                     [--tolerance T] [--timeout-ms MS] [--interval-us US] [--ready-file PATH]
 *
 * Polls the root window with XGetImage of just the region. On a match prints the
 * CLOCK_REALTIME time of detection ("SECONDS.NANOSECONDS") and exits 0.
 * Exit 1: timeout. Exit 2: usage or X error. Exit 3: the region already matched on
 * the first poll, i.e. stale pixels from an earlier run would fake a first frame.
 *
 * The time is taken after the matching grab returns, so it never precedes the pixel's
 * appearance; it is late by at most one poll interval plus one grab.
 * --ready-file is created after the first (non-matching) grab so a caller can launch
 * the program under test only once the probe is really watching.
 *
 * Build: cc -O2 -o first-frame-probe first-frame-probe.c -lX11
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int x_error_seen;

static int on_x_error(Display *d, XErrorEvent *e)
{
    char text[128];
    XGetErrorText(d, e->error_code, text, sizeof text);
    fprintf(stderr, "first-frame-probe: X error: %s\n", text);
    x_error_seen = 1;
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: first-frame-probe --display :N --region X,Y,W,H --color RRGGBB "
                    "[--tolerance T] [--timeout-ms MS] [--interval-us US] [--ready-file PATH]\n");
    return 2;
}

static int shift_of(unsigned long mask)
{
    int s = 0;
    while (mask && !(mask & 1)) { mask >>= 1; s++; }
    return s;
}

static int64_t mono_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static int near(int a, int want, int tol) { return abs(a - want) <= tol; }

/* 1 if any pixel of the image is within tol (per channel) of rgb. */
static int region_matches(XImage *img, int r, int g, int b, int tol)
{
    const uint16_t one = 1;
    int host_lsb = *(const uint8_t *)&one == 1;
    if (img->bits_per_pixel == 32 && (img->byte_order == LSBFirst) == host_lsb &&
        img->red_mask == 0xff0000 && img->green_mask == 0xff00 && img->blue_mask == 0xff) {
        /* Usual 24-bit-in-32 layout: branch-free rows so the compiler vectorises them; the
         * probe scans ~1000 times a second and must leave the CPU to the program under test.
         * Wrapping (c - (want - tol)) <= 2*tol is |c - want| <= tol. */
        unsigned span = 2u * (unsigned)tol;
        for (int y = 0; y < img->height; y++) {
            const uint32_t *row = (const uint32_t *)(img->data + (size_t)y * img->bytes_per_line);
            unsigned any = 0;
            for (int x = 0; x < img->width; x++) {
                uint32_t p = row[x];
                any |= ((p >> 16 & 0xff) - (unsigned)(r - tol) <= span) &
                       ((p >> 8 & 0xff) - (unsigned)(g - tol) <= span) &
                       ((p & 0xff) - (unsigned)(b - tol) <= span);
            }
            if (any) return 1;
        }
        return 0;
    }
    int rs = shift_of(img->red_mask), gs = shift_of(img->green_mask), bs = shift_of(img->blue_mask);
    for (int y = 0; y < img->height; y++)
        for (int x = 0; x < img->width; x++) {
            unsigned long p = XGetPixel(img, x, y);
            if (near((int)((p & img->red_mask) >> rs), r, tol) &&
                near((int)((p & img->green_mask) >> gs), g, tol) &&
                near((int)((p & img->blue_mask) >> bs), b, tol))
                return 1;
        }
    return 0;
}

int main(int argc, char **argv)
{
    const char *display_name = NULL, *ready_file = NULL;
    int rx = -1, ry = -1, rw = 0, rh = 0, have_color = 0, tol = 16;
    unsigned color = 0;
    long timeout_ms = 30000, interval_us = 1000;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) return usage();
        if (!strcmp(a, "--display")) display_name = v;
        else if (!strcmp(a, "--region")) {
            if (sscanf(v, "%d,%d,%d,%d", &rx, &ry, &rw, &rh) != 4) return usage();
        } else if (!strcmp(a, "--color")) {
            if (*v == '#') v++;
            if (strlen(v) != 6 || sscanf(v, "%6x", &color) != 1) return usage();
            have_color = 1;
        } else if (!strcmp(a, "--tolerance")) tol = atoi(v);
        else if (!strcmp(a, "--timeout-ms")) timeout_ms = atol(v);
        else if (!strcmp(a, "--interval-us")) interval_us = atol(v);
        else if (!strcmp(a, "--ready-file")) ready_file = v;
        else return usage();
        i++;
    }
    if (!display_name || !have_color || rx < 0 || ry < 0 || rw <= 0 || rh <= 0) return usage();

    /* Keep each grab's buffer on the heap and the heap from shrinking: otherwise every
     * poll pays for fresh pages (~60 faults per grab), which made up most of the probe's CPU. */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);

    Display *d = XOpenDisplay(display_name);
    if (!d) {
        fprintf(stderr, "first-frame-probe: cannot open display %s\n", display_name);
        return 2;
    }
    XSetErrorHandler(on_x_error);
    int screen = DefaultScreen(d);
    if (rx + rw > DisplayWidth(d, screen) || ry + rh > DisplayHeight(d, screen)) {
        fprintf(stderr, "first-frame-probe: region %d,%d,%d,%d is outside the %dx%d screen\n",
                rx, ry, rw, rh, DisplayWidth(d, screen), DisplayHeight(d, screen));
        return 2;
    }
    Window root = RootWindow(d, screen);
    int r = (color >> 16) & 0xff, g = (color >> 8) & 0xff, b = color & 0xff;

    int64_t deadline = mono_us() + timeout_ms * 1000;
    struct timespec pause = { interval_us / 1000000, (interval_us % 1000000) * 1000 };
    for (int first = 1;; first = 0) {
        XImage *img = XGetImage(d, root, rx, ry, (unsigned)rw, (unsigned)rh, AllPlanes, ZPixmap);
        struct timespec seen;
        clock_gettime(CLOCK_REALTIME, &seen);
        if (!img || x_error_seen) return 2;
        int hit = region_matches(img, r, g, b, tol);
        XDestroyImage(img);
        if (hit && first) {
            fprintf(stderr, "first-frame-probe: region already shows %06x before launch\n", color);
            return 3;
        }
        if (hit) {
            printf("%lld.%09ld\n", (long long)seen.tv_sec, seen.tv_nsec);
            return 0;
        }
        if (first && ready_file) {
            int fd = open(ready_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd < 0) {
                fprintf(stderr, "first-frame-probe: %s: %s\n", ready_file, strerror(errno));
                return 2;
            }
            close(fd);
        }
        if (mono_us() > deadline) return 1;
        nanosleep(&pause, NULL);
    }
}
