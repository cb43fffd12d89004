#include "ui/sdl/font_library.h"

#include <toml++/toml.h>

#include <filesystem>
#include <sstream>

namespace olohuone::ui::sdl {
namespace {

Result<std::string> first_present(const toml::table& table, const std::string& weight, const std::string& source)
{
    const toml::array* files = table.at_path(weight + ".files").as_array();
    if (files == nullptr || files->empty())
        return make_error(source + ": '" + weight + ".files' must list at least one font file");
    std::string tried;
    for (const toml::node& node : *files) {
        const auto path = node.value<std::string>();
        if (!path)
            return make_error(source + ": '" + weight + ".files' must hold file paths");
        std::error_code error;
        if (!std::filesystem::is_regular_file(*path, error)) {
            tried += "\n  " + *path + " (missing)";
            continue;
        }
        // Opened once here, so a damaged file is passed over now instead of drawing no
        // text later. Needs TTF_Init, which SdlRuntime has done.
        FontPtr probe(TTF_OpenFont(path->c_str(), 12));
        if (probe)
            return *path;
        tried += "\n  " + *path + " (not a usable font: " + TTF_GetError() + ")";
    }
    return make_error(source + ": no usable " + weight + " font file; tried:" + tried
                      + "\n(install fonts-dejavu-core, or name a font file that exists)");
}

} // namespace

Result<FontLibrary> FontLibrary::load(const std::string& config_path)
{
    toml::table table;
    try {
        table = toml::parse_file(config_path);
    } catch (const toml::parse_error& error) {
        std::ostringstream message;
        message << config_path << ":" << error.source().begin.line << ": " << error.description();
        return make_error(message.str());
    }
    auto regular = first_present(table, "regular", config_path);
    if (!regular)
        return regular.error();
    auto bold = first_present(table, "bold", config_path);
    if (!bold)
        return bold.error();
    FontLibrary library;
    library.m_regular_file = regular.value();
    library.m_bold_file = bold.value();
    return library;
}

const std::string& FontLibrary::file_for(FontWeight weight) const
{
    return weight == FontWeight::Bold ? m_bold_file : m_regular_file;
}

TTF_Font* FontLibrary::get(const FontSpec& spec)
{
    const auto key = std::make_pair(spec.weight, spec.px);
    auto found = m_open.find(key);
    if (found != m_open.end())
        return found->second.get();
    FontPtr font(TTF_OpenFont(file_for(spec.weight).c_str(), spec.px));
    if (font)
        TTF_SetFontHinting(font.get(), TTF_HINTING_LIGHT);
    TTF_Font* raw = font.get();
    m_open.emplace(key, std::move(font));
    return raw;
}

} // namespace olohuone::ui::sdl
