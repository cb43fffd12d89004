#include "ui/sdl/kiosk_window.h"

#include <optional>

#include "core/log.h"
#include "ui/sdl/canvas.h"
#include "ui/sdl/display.h"
#include "ui/sdl/event_loop.h"
#include "ui/sdl/font_library.h"
#include "ui/sdl/sdl_runtime.h"

namespace olohuone::ui::sdl {

Result<void> run_kiosk_window(const KioskDisplayOptions& options, const KioskParts& parts,
                              const std::function<void()>& on_first_frame)
{
    auto runtime = SdlRuntime::start(VideoUse::Window);
    if (!runtime)
        return runtime.error();
    auto fonts = FontLibrary::load(options.fonts_config);
    if (!fonts)
        return fonts.error();
    auto display = WindowDisplay::open({options.fullscreen ? WindowMode::Kiosk : WindowMode::Windowed,
                                        options.software_renderer ? RendererKind::Software : RendererKind::Accelerated,
                                        options.window_width, options.window_height, options.rotation});
    if (!display)
        return display.error();
    log::info(display->describe());

    float reported_dpi = 0;
    const int display_index = SDL_GetWindowDisplayIndex(display->window());
    if (display_index < 0 || SDL_GetDisplayDPI(display_index, &reported_dpi, nullptr, nullptr) != 0)
        reported_dpi = 0;
    const Point size = display->size();

    TextCache text(fonts.value(), display->renderer());
    ImageCache images(display->renderer());
    Canvas canvas(display->renderer(), text, images);
    KioskUi ui(parts.settings_for(size.x, size.y, reported_dpi), parts.catalogs, parts.zone, parts.data, text,
               parts.clock);
    EventLoop loop(display.value(), ui, canvas, options.fullscreen ? QuitKeys::Disabled : QuitKeys::Enabled);
    std::optional<Automation> automation;
    if (options.automation) {
        automation = Automation::start();
        loop.set_automation(&*automation);
    }
    if (options.heartbeat)
        loop.set_heartbeat(options.heartbeat_ms, options.heartbeat);
    bool first = true;
    loop.run([&] {
        if (!first)
            return;
        first = false;
        if (on_first_frame)
            on_first_frame();
        if (options.fullscreen)
            display->enter_fullscreen();
    });
    return {};
}

void notify_programme_changed()
{
    SDL_Event event{};
    event.type = EventLoop::programme_changed_event();
    SDL_PushEvent(&event); // fails only before the window exists, which reads the programme anyway
}

Result<void> check_fonts(const std::string& fonts_config)
{
    auto runtime = SdlRuntime::start(VideoUse::OffscreenOnly);
    if (!runtime)
        return runtime.error();
    if (auto fonts = FontLibrary::load(fonts_config); !fonts)
        return fonts.error();
    return {};
}

Result<void> render_screenshot(const std::string& png_path, int width, int height, ScreenRotation rotation,
                               const std::string& fonts_config, const KioskParts& parts, TextSize text_size,
                               const std::string& language)
{
    auto runtime = SdlRuntime::start(VideoUse::OffscreenOnly);
    if (!runtime)
        return runtime.error();
    auto fonts = FontLibrary::load(fonts_config);
    if (!fonts)
        return fonts.error();
    auto display = OffscreenDisplay::create(width, height, rotation);
    if (!display)
        return display.error();
    TextCache text(fonts.value(), display->renderer());
    ImageCache images(display->renderer());
    Canvas canvas(display->renderer(), text, images);
    const Point layout = display->size();
    KioskUiSettings settings = parts.settings_for(layout.x, layout.y, 0);
    settings.default_text_size = text_size;
    settings.default_language = language;
    KioskUi ui(settings, parts.catalogs, parts.zone, parts.data, text, parts.clock);
    ui.resize(layout.x, layout.y);
    canvas.draw(ui.frame());
    display->present();
    return display->save_png(png_path);
}

} // namespace olohuone::ui::sdl
