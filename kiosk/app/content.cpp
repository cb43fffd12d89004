#include "app/content.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace olohuone::app {
namespace fs = std::filesystem;
namespace {

std::vector<fs::path> calendar_paths(const std::string& content_dir, std::error_code& error)
{
    // The error_code forms throughout: an unreadable entry must not throw out of the
    // render path.
    std::vector<fs::path> paths;
    fs::directory_iterator entry(fs::path(content_dir) / "programme", error);
    for (; !error && entry != fs::directory_iterator(); entry.increment(error)) {
        std::error_code type_error;
        if (entry->is_regular_file(type_error) && entry->path().extension() == ".ics")
            paths.push_back(entry->path());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

} // namespace

Result<std::string> read_small_file(const std::string& path, std::size_t max_bytes)
{
    std::error_code error;
    if (!fs::is_regular_file(path, error))
        return make_error(path + ": " + (fs::exists(path, error) ? "not a regular file" : "no such file"));
    const auto size = fs::file_size(path, error);
    if (error)
        return make_error(path + ": cannot read: " + error.message());
    if (size > max_bytes)
        return make_error(path + ": larger than " + std::to_string(max_bytes / 1024) + " KiB");
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return make_error(path + ": cannot open");
    // Room for what was measured plus one byte: a file that grew past the limit since it
    // was measured is caught, without allocating the whole limit for every small file.
    std::string text(static_cast<std::size_t>(size) + 1, '\0');
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (file.bad())
        return make_error(path + ": cannot read");
    text.resize(static_cast<std::size_t>(file.gcount()));
    if (text.size() > size)
        return make_error(path + ": changed while it was being read; it is read again at the next check");
    return text;
}

Result<Catalogs> load_catalogs(const std::string& content_dir, const std::vector<std::string>& languages)
{
    Catalogs catalogs;
    for (const std::string& language : languages) {
        const std::string path = content_dir + "/i18n/" + language + ".toml";
        auto text = read_small_file(path, 256 * 1024);
        if (!text)
            return make_error("translations for '" + language + "': " + text.error().message);
        auto catalog = Catalog::parse(text.value(), path);
        if (!catalog)
            return catalog.error();
        if (catalog->language() != language)
            return make_error(path + ": says language = \"" + catalog->language() + "\", expected \"" + language
                              + "\"");
        catalogs.add(std::move(catalog.value()));
    }
    return catalogs;
}

Result<std::vector<CalendarFile>> read_calendar_files(const std::string& content_dir)
{
    std::error_code error;
    const std::vector<fs::path> paths = calendar_paths(content_dir, error);
    if (error)
        return make_error(content_dir + "/programme: cannot list the programme files: " + error.message());
    std::vector<CalendarFile> files;
    for (const fs::path& path : paths) {
        auto text = read_small_file(path.string(), max_calendar_file_bytes);
        if (!text)
            return text.error();
        files.push_back({path.string(), std::move(text.value())});
    }
    return files;
}

std::string calendar_files_signature(const std::string& content_dir)
{
    std::error_code error;
    std::string signature;
    for (const fs::path& path : calendar_paths(content_dir, error)) {
        std::error_code file_error;
        const auto size = fs::file_size(path, file_error);
        const auto modified = fs::last_write_time(path, file_error).time_since_epoch().count();
        signature += path.filename().string() + ":" + std::to_string(size) + ":" + std::to_string(modified) + ";";
    }
    return signature;
}

} // namespace olohuone::app
