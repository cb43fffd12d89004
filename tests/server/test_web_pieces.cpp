// The coordinators' pages' rules on their own: escaping, ISO weeks, the login throttle's
// timing, login names and passwords, form bodies, the [web] configuration keys, and
// coordinator accounts on a real SQLite file, and that file opened by several at once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "coordinator_accounts.h"
#include "passwords.h"
#include "server_config.h"
#include "support/temp_dir.h"
#include "tokens.h"
#include "web/html.h"
#include "web/iso_week.h"
#include "web/login_throttle.h"
#include "web/web_request.h"
#include "web/web_texts.h"

namespace olohuone::server {
namespace {

using web::IsoWeek;
using web::LoginThrottle;

TEST(WebHtml, TextAndAttributesAreEscapedAndElementsClosedInOrder)
{
    web::Html html;
    html.open("p", {{"title", "\"><script>alert(1)</script>"}});
    html.text("Kahvi & <pulla> 'tänään'");
    html.open("em").text("x");
    EXPECT_EQ(html.finish(),
              "<!DOCTYPE html>\n<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">Kahvi &amp; "
              "&lt;pulla&gt; &#39;tänään&#39;<em>x</em></p>");
}

TEST(WebIsoWeek, WeeksAreNumberedAsFinnishCalendarsDo)
{
    EXPECT_EQ(web::iso_week_of({2026, 11, 24}), (IsoWeek{2026, 48}));
    EXPECT_EQ(web::iso_week_of({2021, 1, 1}), (IsoWeek{2020, 53})); // a Friday: the old year's last week
    EXPECT_EQ(web::iso_week_of({2024, 12, 30}), (IsoWeek{2025, 1}));
    EXPECT_EQ(web::monday_of({2026, 48}), (CivilDate{2026, 11, 23}));
    EXPECT_EQ(web::monday_of({2020, 53}), (CivilDate{2020, 12, 28}));
    EXPECT_EQ(web::plus_weeks({2026, 53}, 1), (IsoWeek{2027, 1}));
    EXPECT_EQ(web::plus_weeks({2027, 1}, -1), (IsoWeek{2026, 53}));
    EXPECT_EQ(web::parse_iso_week("2026-W53"), (IsoWeek{2026, 53}));
    EXPECT_EQ(web::iso_week_text({2027, 5}), "2027-W05");
    for (const char* bad : {"", "2027-W53", "2026-W00", "2026-W5", "2026W48", "1999-W10", "2026-w48", "2026-W48x"})
        EXPECT_FALSE(web::parse_iso_week(bad).has_value()) << bad;
}

TEST(WebLoginThrottle, EachFailureDoublesTheWaitUntilTheLoginIsLocked)
{
    LoginThrottle throttle(3, 15);
    const auto verdict = [&](const std::string& login, const std::string& address, MonotonicMs at) {
        return throttle.check(login, address, at);
    };
    EXPECT_EQ(verdict("maija", "10.0.0.1", 0).verdict, LoginThrottle::Verdict::Try);
    EXPECT_FALSE(throttle.note_failure("maija", "10.0.0.1", 1000).login);
    EXPECT_EQ(verdict("maija", "10.0.0.1", 1500).verdict, LoginThrottle::Verdict::Wait);
    EXPECT_EQ(verdict("maija", "10.0.0.1", 1500).seconds, 1);
    EXPECT_EQ(verdict("kaisa", "10.0.0.1", 1500).verdict, LoginThrottle::Verdict::Try); // only the name waits
    EXPECT_EQ(verdict("maija", "10.0.0.1", 2000).verdict, LoginThrottle::Verdict::Try);
    EXPECT_FALSE(throttle.note_failure("maija", "10.0.0.1", 2000).login);
    EXPECT_EQ(verdict("maija", "10.0.0.1", 3999).verdict, LoginThrottle::Verdict::Wait);
    const auto third = throttle.note_failure("maija", "10.0.0.2", 4000);
    EXPECT_TRUE(third.login);
    EXPECT_EQ(third.failures, 3);
    const auto locked = verdict("maija", "10.0.0.3", 5000);
    EXPECT_EQ(locked.verdict, LoginThrottle::Verdict::Locked);
    EXPECT_EQ(locked.seconds, 15 * 60 - 1);
    // The lock ends after its 15 minutes, and the count starts afresh.
    EXPECT_EQ(verdict("maija", "10.0.0.1", 4000 + 15 * 60'000).verdict, LoginThrottle::Verdict::Try);
    EXPECT_FALSE(throttle.note_failure("maija", "10.0.0.1", 4001 + 15 * 60'000).login);

    // Failures long apart never add up; a success forgets the name's.
    LoginThrottle patient(3, 15);
    patient.note_failure("aino", "10.0.0.9", 0);
    patient.note_failure("aino", "10.0.0.9", 15 * 60'000);
    EXPECT_EQ(patient.note_failure("aino", "10.0.0.9", 30 * 60'000).failures, 1);
    patient.note_success("aino");
    EXPECT_EQ(patient.check("aino", "10.0.0.9", 30 * 60'000 + 1).verdict, LoginThrottle::Verdict::Try);
}

TEST(WebLoginThrottle, AnAddressGuessingManyNamesIsLockedToo)
{
    LoginThrottle throttle(3, 15);
    bool locked = false;
    for (int i = 0; i < 12; ++i)
        locked = throttle.note_failure("name" + std::to_string(i), "203.0.113.5", 1000 * i).address;
    EXPECT_TRUE(locked);
    EXPECT_EQ(throttle.check("someone.else", "203.0.113.5", 13'000).verdict, LoginThrottle::Verdict::Locked);
    EXPECT_EQ(throttle.check("someone.else", "203.0.113.6", 13'000).verdict, LoginThrottle::Verdict::Try);
}

TEST(WebPasswords, LoginNamesArePlainAndCaseDoesNotMatter)
{
    EXPECT_EQ(normalised_login("Maija.Virtanen@Espoo.fi").value(), "maija.virtanen@espoo.fi");
    EXPECT_EQ(normalised_login("a_b-c").value(), "a_b-c");
    for (const std::string& bad : {std::string("ab"), std::string(65, 'a'), std::string("maija virtanen"),
                                   std::string("mäijä"), std::string("maija;drop"), std::string("maija\n")})
        EXPECT_FALSE(normalised_login(bad).ok()) << bad;
}

TEST(WebPasswords, APasswordIsTwelveToAHundredAndTwentyEightCharactersAndKeptAsArgon2id)
{
    EXPECT_TRUE(check_new_password("ääääääääääää").ok()); // 12 characters, 24 bytes
    EXPECT_FALSE(check_new_password("ääääääääääa").ok()); // 11
    EXPECT_TRUE(check_new_password(std::string(128, 'a')).ok());
    EXPECT_FALSE(check_new_password(std::string(129, 'a')).ok());
    EXPECT_FALSE(check_new_password("salasana\tsalasana").ok());
    EXPECT_FALSE(check_new_password("salasana\xff salasana").ok());
    ASSERT_TRUE(start_crypto());
    const auto hash = hash_password("pitkä salasana 2026");
    ASSERT_TRUE(hash.ok());
    EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
    EXPECT_EQ(hash->find("pitkä"), std::string::npos);
    EXPECT_NE(hash_password("pitkä salasana 2026").value(), hash.value()); // salted
    EXPECT_TRUE(password_matches(hash.value(), "pitkä salasana 2026"));
    EXPECT_FALSE(password_matches(hash.value(), "pitkä salasana 2027"));
    EXPECT_FALSE(password_matches("not a hash", "pitkä salasana 2026"));
}

TEST(WebForms, UrlEncodedBodiesAreReadFieldByField)
{
    const auto fields = web::urlencoded_fields(
        "csrf=a%2Bb&url=https%3A%2F%2Fx.example%2Fa.ics%3Ft%3D1&note=k%C3%A4hvi+pulla&empty=");
    ASSERT_TRUE(fields.has_value());
    EXPECT_EQ(web::field(*fields, "csrf"), "a+b");
    EXPECT_EQ(web::field(*fields, "url"), "https://x.example/a.ics?t=1");
    EXPECT_EQ(web::field(*fields, "note"), "kähvi pulla");
    EXPECT_EQ(web::field(*fields, "empty"), "");
    EXPECT_EQ(web::field(*fields, "missing"), "");
    EXPECT_FALSE(web::urlencoded_fields("a=%2").has_value());
    EXPECT_FALSE(web::urlencoded_fields("a=%zz").has_value());
    std::string many;
    for (int i = 0; i < 51; ++i)
        many += "f" + std::to_string(i) + "=1&";
    EXPECT_FALSE(web::urlencoded_fields(many).has_value());
    EXPECT_TRUE(web::same_secret("abc", "abc"));
    EXPECT_FALSE(web::same_secret("abc", "abd"));
    EXPECT_FALSE(web::same_secret("", ""));
    EXPECT_FALSE(web::same_secret("abc", "abcd"));
}

TEST(WebTexts, TheFinnishCatalogReadsAndSaysTimesAndSizesAsAPersonWould)
{
    auto texts = web::load_web_texts();
    ASSERT_TRUE(texts.ok()) << texts.error().message;
    EXPECT_EQ(texts->language(), "fi");
    EXPECT_EQ(web::ago_text(texts.value(), 59), "juuri nyt");
    EXPECT_EQ(web::ago_text(texts.value(), 12 * 60 + 5), "12 min sitten");
    EXPECT_EQ(web::ago_text(texts.value(), 3 * 3600 + 5 * 60), "3 h 5 min sitten");
    EXPECT_EQ(web::ago_text(texts.value(), 3 * 86400), "3 vrk sitten");
    EXPECT_EQ(web::duration_text(texts.value(), 3600), "1 h");
    EXPECT_EQ(web::duration_text(texts.value(), 2 * 86400 + 4 * 3600), "2 vrk 4 h");
    EXPECT_EQ(web::size_words(texts.value(), 2 * 1024 * 1024), "2 MiB");
    EXPECT_EQ(web::size_words(texts.value(), 123456789), "117,7 MiB");
    auto zone = TimeZone::named("Europe/Helsinki");
    ASSERT_TRUE(zone.ok());
    // 2026-11-24T08:15Z is 10.15 in Helsinki; a time of another year says its year.
    EXPECT_EQ(web::local_time_text(texts.value(), zone.value(), 1795508100, 1795508100), "ti 24.11. klo 10.15");
    EXPECT_EQ(web::local_time_text(texts.value(), zone.value(), 1795508100, 1795508100 + 60 * 86400),
              "ti 24.11.2026 klo 10.15");
}

TEST(WebConfiguration, TheWebKeysHaveDefaultsAndRanges)
{
    auto defaults = parse_server_config("", "server.toml");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->session_idle_minutes, 30);
    EXPECT_EQ(defaults->session_max_hours, 12);
    EXPECT_EQ(defaults->kiosk_silent_warning_minutes, 60);
    EXPECT_EQ(defaults->login_failures_before_lockout, 5);
    EXPECT_EQ(defaults->login_lockout_minutes, 15);
    EXPECT_EQ(defaults->max_upload_bytes, 2 * 1024 * 1024);
    auto set = parse_server_config("[web]\nkiosk_silent_warning_minutes = 2880\nsession_idle_minutes = 60\n",
                                   "server.toml");
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_EQ(set->kiosk_silent_warning_minutes, 2880);
    for (const auto& [bad, key] :
         {std::pair{"[web]\nsession_idle_minutes = 4\n", "web.session_idle_minutes"},
          {"[web]\nsession_max_hours = 169\n", "web.session_max_hours"},
          {"[web]\nkiosk_silent_warning_minutes = \"60\"\n", "web.kiosk_silent_warning_minutes"},
          {"[web]\nlogin_failures_before_lockout = 2\n", "web.login_failures_before_lockout"},
          {"[web]\nlogin_lockout_minutes = 0\n", "web.login_lockout_minutes"},
          {"[web]\nmax_upload_bytes = 1024\n", "web.max_upload_bytes"},
          {"[web]\nsession_idle_minutes = 120\nsession_max_hours = 1\n", "web.session_idle_minutes"},
          {"[web]\nsession_minutes = 5\n", "web.session_minutes"}}) {
        auto refused = parse_server_config(bad, "server.toml");
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_NE(refused.error().message.find(key), std::string::npos) << refused.error().message;
        EXPECT_EQ(refused.error().message.rfind("server.toml: ", 0), 0u);
    }
}

class CoordinatorAccounts : public ::testing::Test {
protected:
    test::TempDir dir;
    std::unique_ptr<ServerStore> store = open_store();
    std::int64_t leppavaara = store->add_site("Espoon kaupunki", "Olohuone Leppävaara").value();
    std::int64_t tapiola = store->add_site("Espoon kaupunki", "Olohuone Tapiola").value();
    std::int64_t kallio = store->add_site("Helsingin kaupunki", "Olohuone Kallio").value();

    std::unique_ptr<ServerStore> open_store()
    {
        EXPECT_TRUE(start_crypto());
        auto opened = open_sqlite_server_store(dir.file("server.sqlite3"));
        EXPECT_TRUE(opened.ok()) << opened.error().message;
        return std::move(opened.value());
    }
    Result<CoordinatorAccount> add(const std::string& login, const CoordinatorSites& sites,
                                   const std::string& password = "pitkä salasana 2026")
    {
        return create_coordinator_account(*store, login, password, sites, 1795508100);
    }
};

TEST_F(CoordinatorAccounts, AnAccountSeesItsSitesOrEverySiteOfItsOrganisation)
{
    const auto some = add("Maija.Virtanen", {{tapiola, leppavaara, tapiola}, false, {}});
    ASSERT_TRUE(some.ok()) << some.error().message;
    EXPECT_EQ(some->login, "maija.virtanen");
    const auto all = add("kaisa", {{}, true, "Espoon kaupunki"});
    ASSERT_TRUE(all.ok()) << all.error().message;

    const auto stored = store->coordinator_by_login("maija.virtanen");
    ASSERT_TRUE(stored.ok() && stored->has_value());
    EXPECT_EQ(stored.value()->site_ids, (std::vector<std::int64_t>{leppavaara, tapiola}));
    EXPECT_TRUE(password_matches(stored.value()->password_hash, "pitkä salasana 2026"));

    const std::int64_t matinkyla = store->add_site("Espoon kaupunki", "Olohuone Matinkylä").value();
    const auto sites = store->sites().value();
    const auto names = [](const std::vector<SiteInfo>& visible) {
        std::vector<std::string> listed;
        for (const SiteInfo& site : visible)
            listed.push_back(site.name);
        return listed;
    };
    EXPECT_EQ(names(sites_visible_to(stored.value().value(), sites)),
              (std::vector<std::string>{"Olohuone Leppävaara", "Olohuone Tapiola"}));
    EXPECT_EQ(names(sites_visible_to(store->coordinator_by_login("kaisa").value().value(), sites)),
              (std::vector<std::string>{"Olohuone Leppävaara", "Olohuone Tapiola", "Olohuone Matinkylä"}));
    (void)matinkyla;
    EXPECT_EQ(coordinator_table(store->coordinators().value(), sites),
              "login\torganisation\tsites\tstatus\n"
              "kaisa\tEspoon kaupunki\tall\tactive\n"
              "maija.virtanen\tEspoon kaupunki\t"
                  + std::to_string(leppavaara) + "," + std::to_string(tapiola) + "\tactive\n");
}

TEST_F(CoordinatorAccounts, WhatCannotBeAnAccountIsRefusedWithTheReason)
{
    ASSERT_TRUE(add("maija", {{leppavaara}, false, {}}).ok());
    const std::vector<std::pair<Result<CoordinatorAccount>, std::string>> refused = {
        {add("MAIJA", {{leppavaara}, false, {}}), "there is already a coordinator \"maija\""},
        {add("aino", {{leppavaara}, false, {}}, "lyhyt"), "12 to 128 characters"},
        {add("aino korhonen", {{leppavaara}, false, {}}), "letters a-z, digits and . - _ @"},
        {add("aino", {{99}, false, {}}), "there is no site 99"},
        {add("aino", {{leppavaara, kallio}, false, {}}), "belongs to another organisation"},
        {add("aino", {{}, false, {}}), "give at least one site"},
        {add("aino", {{}, true, {}}),
         "there are several organisations; name one (\"Espoon kaupunki\", \"Helsingin kaupunki\")"},
        {add("aino", {{}, true, "Vantaa"}), "there is no organisation \"Vantaa\""},
        {add("aino", {{leppavaara}, true, "Espoon kaupunki"}), "either sites or all sites"},
    };
    for (const auto& [result, reason] : refused) {
        ASSERT_FALSE(result.ok()) << reason;
        EXPECT_NE(result.error().message.find(reason), std::string::npos) << result.error().message;
    }
    EXPECT_EQ(store->coordinators().value().size(), 1u);
}

TEST_F(CoordinatorAccounts, DisablingAnAccountEndsItsSessions)
{
    const auto account = add("maija", {{leppavaara}, false, {}});
    ASSERT_TRUE(account.ok());
    ASSERT_TRUE(store->add_session({hash_hex("token"), account->id, "csrf", 100, 100, NoticeKind::None, {}}).ok());
    ASSERT_TRUE(disable_coordinator_account(*store, "Maija", 200).ok());
    EXPECT_FALSE(store->session(hash_hex("token")).value().has_value());
    EXPECT_TRUE(store->coordinator_by_login("maija").value()->disabled);
    const auto again = disable_coordinator_account(*store, "maija", 300);
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.error().message.find("no active coordinator \"maija\""), std::string::npos);
    EXPECT_NE(coordinator_table(store->coordinators().value(), store->sites().value()).find("\tdisabled\n"),
              std::string::npos);
}

TEST(ServerStoreOpening, TheServerAndTheToolOpeningANewFileAtOnceAllGetTheSchema)
{
    // olohuonectl adding the first site while the server starts: each opens the file.
    constexpr int connections = 4;
    for (int round = 0; round < 20; ++round) {
        const test::TempDir dir;
        const std::string path = dir.file("server.sqlite3");
        std::vector<Result<std::unique_ptr<ServerStore>>> opened;
        for (int i = 0; i < connections; ++i)
            opened.emplace_back(make_error("not opened"));
        std::atomic<int> ready = 0;
        std::vector<std::thread> sides;
        for (int i = 0; i < connections; ++i)
            sides.emplace_back([&, i] {
                ++ready;
                while (ready.load() < connections)
                    std::this_thread::yield();
                opened[static_cast<std::size_t>(i)] = open_sqlite_server_store(path);
            });
        for (std::thread& side : sides)
            side.join();
        for (auto& store : opened)
            ASSERT_TRUE(store.ok()) << "round " << round << ": " << store.error().message;
        EXPECT_TRUE(opened[0].value()->add_site("Espoon kaupunki", "Olohuone Leppävaara").ok());
        EXPECT_EQ(opened[3].value()->sites().value().size(), 1u);
    }
}

} // namespace
} // namespace olohuone::server
