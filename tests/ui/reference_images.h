#pragma once
// Golden-image comparison: a rendered screen against tests/ui/reference/<name>.png.
//
// Tolerance: a pixel counts as different when a channel differs by more than 8 of 255,
// and up to 0.1 % of the pixels may differ. Font rasterisation is identical for the
// same FreeType and SDL_ttf versions (Debian 12 pins them); the slack absorbs a
// blending rounding change in a point release, not a layout change, which moves
// thousands of pixels.
//
// Every rendering is written to <build>/tests/ui/screenshots/<name>.png; on a mismatch a
// <name>_diff.png marks the differing pixels in red. After an intended change of the
// screens, regenerate the references with OLOHUONE_UPDATE_REFERENCES=1 and look at them
// (tools/dev/update-screenshots); a documented screen's image is then written to
// docs/screenshots/ too.
#include <SDL.h>

#include <string>

namespace olohuone::testing {

struct ImageComparison {
    bool matches = false;
    std::string message;
};

enum class Documented { No, Yes };

ImageComparison compare_with_reference(SDL_Surface* rendered, const std::string& name,
                                       Documented documented = Documented::No);

} // namespace olohuone::testing
