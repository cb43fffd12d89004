#pragma once
// The groups of pages, each adding its own routes (web_routes.cpp adds them all).
#include <httplib.h>

#include "web/web_routes.h"

namespace olohuone::server::web {

void add_login_routes(httplib::Server& server, WebContext& web); // login_routes.cpp
void add_kiosk_routes(httplib::Server& server, WebContext& web); // kiosk_routes.cpp
void add_programme_routes(httplib::Server& server, WebContext& web); // programme_routes.cpp
void add_event_routes(httplib::Server& server, WebContext& web); // event_routes.cpp
void add_report_routes(httplib::Server& server, WebContext& web); // report_routes.cpp
void add_present_routes(httplib::Server& server, WebContext& web); // present_routes.cpp

} // namespace olohuone::server::web
