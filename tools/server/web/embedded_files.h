#pragma once
// The files compiled into the server (web/embed_files.cmake writes their definitions).
#include <string_view>

namespace olohuone::server::web {

std::string_view finnish_texts_toml(); // web/texts/fi.toml
std::string_view stylesheet_css(); // web/static/olohuone.css

} // namespace olohuone::server::web
