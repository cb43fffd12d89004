#include "web_fixture.h"

#include <filesystem>
#include <regex>

#include "core/clock.h"
#include "store/sqlite.h"
#include "tokens.h"

namespace olohuone::testing {

std::string WebFixture::make_site(const std::string& name)
{
    EXPECT_TRUE(server::start_crypto());
    std::filesystem::create_directories(dir.file("state"));
    auto store = server::open_sqlite_server_store(database());
    EXPECT_TRUE(store.ok()) << store.error().message;
    auto id = store.ok() ? store.value()->add_site("Espoon kaupunki", name)
                         : Result<std::int64_t>(make_error("no store"));
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? std::to_string(id.value()) : std::string();
}

std::string WebFixture::make_kiosk(const std::string& site_id, const std::string& name)
{
    auto store = server::open_sqlite_server_store(database());
    EXPECT_TRUE(store.ok()) << store.error().message;
    const std::string token = server::new_token();
    auto id = store.ok() ? store.value()->add_kiosk(std::stoll(site_id), name, server::token_hash(token).value())
                         : Result<std::int64_t>(make_error("no store"));
    EXPECT_TRUE(id.ok()) << id.error().message;
    return token;
}

void WebFixture::add_coordinator(const std::string& login, const server::CoordinatorSites& sites,
                                 const std::string& password)
{
    ASSERT_TRUE(server::start_crypto());
    auto store = server::open_sqlite_server_store(database());
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto added = server::create_coordinator_account(*store.value(), login, password, sites, SystemClock().now());
    ASSERT_TRUE(added.ok()) << added.error().message;
}

void WebFixture::change_database(const std::string& sql)
{
    auto database = sql::Database::open(this->database(), sql::OpenMode::ReadWriteCreate);
    ASSERT_TRUE(database.ok()) << database.error().message;
    ASSERT_TRUE(database->execute_script("PRAGMA busy_timeout = 5000;").ok());
    auto changed = database->execute_script(sql);
    ASSERT_TRUE(changed.ok()) << sql << ": " << changed.error().message;
}

std::string visible_text(const std::string& html)
{
    std::string text = std::regex_replace(html, std::regex("<[^>]*>"), " ");
    for (const auto& [entity, character] :
         {std::pair{"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
        text = std::regex_replace(text, std::regex(entity), character);
    return std::regex_replace(text, std::regex(R"(\s+)"), " ");
}

} // namespace olohuone::testing
