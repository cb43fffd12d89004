#pragma once
// What the tests of the coordinators' pages share: the real server with a [web] section,
// two sites of one organisation with a kiosk each, and coordinator accounts, all made
// with the server's own library functions on its real database file (the ones the admin
// tool calls), and a way to move a session's or a heartbeat's time back as the hours
// would.
#include <string>

#include "coordinator_accounts.h"
#include "server_fixture.h"
#include "web_client.h"

namespace olohuone::testing {

inline const std::string good_password = "pitkä salasana 2026";

class WebFixture : public ServerFixture {
protected:
    // A [web] section for every test: three failures lock a login for a minute.
    std::string web_config = write_config(64 * 1024,
                                          "[web]\nlogin_failures_before_lockout = 3\n"
                                          "login_lockout_minutes = 1\nsession_idle_minutes = 30\n"
                                          "session_max_hours = 12\nkiosk_silent_warning_minutes = 60\n"
                                          "max_upload_bytes = 262144\n");
    std::string site_1 = make_site("Olohuone Leppävaara");
    std::string site_2 = make_site("Olohuone Tapiola");
    std::string kiosk_1 = make_kiosk(site_1, "aula");
    std::string kiosk_2 = make_kiosk(site_2, "kirjasto");

    // A site of the organisation "Espoon kaupunki"; its id.
    std::string make_site(const std::string& name);
    // A kiosk of the site; its token.
    std::string make_kiosk(const std::string& site_id, const std::string& name);

    // An account through create_coordinator_account; fails the test if refused.
    void add_coordinator(const std::string& login, const server::CoordinatorSites& sites,
                         const std::string& password = good_password);
    // Runs `sql` on the server's database (a time moved back, …).
    void change_database(const std::string& sql);
    // The server's database path.
    std::string database() const { return dir.file("state") + "/olohuone-server.sqlite3"; }
};

// The text of `html` without its tags, with entities as they read, on one line: what a
// person reads on the page.
std::string visible_text(const std::string& html);

} // namespace olohuone::testing
