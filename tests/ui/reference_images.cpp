#include "reference_images.h"

#include <SDL_image.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "support/test_paths.h"

namespace olohuone::testing {
namespace {

constexpr int channel_tolerance = 8;
constexpr double max_differing_fraction = 0.001;

struct SurfaceDeleter {
    void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

SurfacePtr as_argb(SDL_Surface* surface) { return SurfacePtr(SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_ARGB8888, 0)); }

Uint32 pixel(SDL_Surface* surface, int x, int y)
{
    return static_cast<const Uint32*>(surface->pixels)[y * surface->pitch / 4 + x];
}

bool close(Uint32 a, Uint32 b)
{
    for (int shift : {0, 8, 16}) {
        const int ca = static_cast<int>((a >> shift) & 0xFF);
        const int cb = static_cast<int>((b >> shift) & 0xFF);
        if (std::abs(ca - cb) > channel_tolerance)
            return false;
    }
    return true;
}

} // namespace

ImageComparison compare_with_reference(SDL_Surface* rendered, const std::string& name, Documented documented)
{
    namespace fs = std::filesystem;
    const fs::path output_dir = fs::current_path() / "screenshots";
    fs::create_directories(output_dir);
    const fs::path actual_path = output_dir / (name + ".png");
    const fs::path reference_path = fs::path(olohuone::test::source_dir()) / "tests/ui/reference" / (name + ".png");
    IMG_SavePNG(rendered, actual_path.c_str());

    const char* update = std::getenv("OLOHUONE_UPDATE_REFERENCES");
    if (update != nullptr && std::string(update) == "1") {
        fs::create_directories(reference_path.parent_path());
        IMG_SavePNG(rendered, reference_path.c_str());
        if (documented == Documented::Yes) {
            const fs::path shown = fs::path(olohuone::test::source_dir()) / "docs/screenshots" / (name + ".png");
            IMG_SavePNG(rendered, shown.c_str());
        }
        return {true, "reference updated: " + reference_path.string()};
    }

    SurfacePtr loaded(IMG_Load(reference_path.c_str()));
    if (!loaded)
        return {false, "no reference image " + reference_path.string() + " (run with OLOHUONE_UPDATE_REFERENCES=1 "
                           "to create it, then look at it); rendered: " + actual_path.string()};
    SurfacePtr reference = as_argb(loaded.get());
    SurfacePtr actual = as_argb(rendered);
    if (reference->w != actual->w || reference->h != actual->h)
        return {false, "size differs from " + reference_path.string()};

    SurfacePtr diff = as_argb(actual.get());
    long differing = 0;
    for (int y = 0; y < actual->h; ++y) {
        for (int x = 0; x < actual->w; ++x) {
            const bool same = close(pixel(actual.get(), x, y), pixel(reference.get(), x, y));
            differing += same ? 0 : 1;
            static_cast<Uint32*>(diff->pixels)[y * diff->pitch / 4 + x] =
                same ? (pixel(actual.get(), x, y) & 0xFF3F3F3Fu) : 0xFFFF0000u;
        }
    }
    const long allowed = static_cast<long>(max_differing_fraction * actual->w * actual->h);
    if (differing <= allowed)
        return {true, {}};
    const fs::path diff_path = output_dir / (name + "_diff.png");
    IMG_SavePNG(diff.get(), diff_path.c_str());
    return {false, std::to_string(differing) + " pixels differ from " + reference_path.string() + " (at most "
                       + std::to_string(allowed) + " may); see " + diff_path.string()};
}

} // namespace olohuone::testing
