#pragma once
// The fonts the kiosk draws with, found through fonts/fonts.toml (a list of candidate
// files per weight, first one present wins), opened once per pixel size.
#include <map>
#include <string>
#include <utility>

#include "core/result.h"
#include "ui/layout/draw_list.h"
#include "ui/sdl/sdl_handles.h"

namespace olohuone::ui::sdl {

class FontLibrary {
public:
    static Result<FontLibrary> load(const std::string& config_path);

    // The font for this weight and size, opened on first use; null if it cannot be opened.
    TTF_Font* get(const FontSpec& spec);
    const std::string& file_for(FontWeight weight) const;

private:
    std::string m_regular_file;
    std::string m_bold_file;
    std::map<std::pair<FontWeight, int>, FontPtr> m_open;
};

} // namespace olohuone::ui::sdl
