#include "kiosk_fixture.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "app/database_path.h"
#include "store/record_key.h"
#include "support/test_paths.h"

namespace olohuone::testing {

namespace fs = std::filesystem;

KioskFixture::KioskFixture()
    : config_path(dir.file("kiosk.toml")), state_dir(dir.file("state")), content_dir(dir.file("content")),
      m_zone(TimeZone::named("Europe/Helsinki").value())
{
    fs::create_directories(content_dir + "/programme");
    fs::copy_file(std::string(olohuone::test::source_dir()) + "/content/visitors.toml", content_dir + "/visitors.toml");
    write_config();
}

void KioskFixture::write_config(const std::string& extra)
{
    std::ofstream(config_path) << "[kiosk]\ntime_zone = \"Europe/Helsinki\"\n[paths]\nstate_dir = \"" << state_dir
                               << "\"\ncontent_dir = \"" << content_dir << "\"\n"
                               << extra;
}

void KioskFixture::write_programme(const std::string& name, const std::string& ics)
{
    std::ofstream(content_dir + "/programme/" + name, std::ios::binary) << ics;
}

CtlRun KioskFixture::kiosk(const std::vector<std::string>& arguments, const std::string& input)
{
    std::vector<std::string> words = {"kiosk", "-c", config_path};
    words.insert(words.end(), arguments.begin(), arguments.end());
    return run_ctl(words, input);
}

store::Store& KioskFixture::store()
{
    if (!m_store) {
        fs::create_directories(state_dir);
        auto opened = store::Store::open(app::kiosk_database_path(state_dir));
        if (!opened.ok())
            throw std::runtime_error(opened.error().message);
        m_store = std::make_unique<store::Store>(std::move(opened.value()));
    }
    return *m_store;
}

std::int64_t KioskFixture::number(const std::string& sql)
{
    auto value = store().database().query_int(sql);
    EXPECT_TRUE(value.ok()) << sql << ": " << (value.ok() ? "" : value.error().message);
    return value.ok() ? value.value() : -1;
}

std::string KioskFixture::sign_in(const std::string& name, const std::string& group, UnixSeconds at,
                                  const std::string& whom, const std::string& marker)
{
    SignInDraft draft;
    draft.key = store::new_record_key();
    draft.group_id = group;
    draft.typed_name = name;
    draft.marker_id = marker;
    draft.whom = whom;
    store::VisitLog log(store().database());
    auto receipt = log.sign_in(draft, {at, true});
    EXPECT_TRUE(receipt.ok()) << (receipt.ok() ? "" : receipt.error().message);
    return draft.key;
}

std::string KioskFixture::count_anonymous(const std::string& group, UnixSeconds at)
{
    SignInDraft draft;
    draft.key = store::new_record_key();
    draft.group_id = group;
    draft.anonymous = true;
    store::VisitLog log(store().database());
    EXPECT_TRUE(log.sign_in(draft, {at, true}).ok());
    return draft.key;
}

void KioskFixture::sign_out(const std::string& visit_key, UnixSeconds at)
{
    store::VisitLog log(store().database());
    EXPECT_TRUE(log.sign_out(visit_key, store::new_record_key(), {at, true}).ok());
}

std::string KioskFixture::register_for(const Occurrence& activity, const std::string& name, const std::string& group,
                                       UnixSeconds at)
{
    const std::string key = store::new_record_key();
    store::ActivityLog log(store().database());
    auto receipt = log.register_visitor(activity, {std::nullopt, name, group, ""}, key, {at, true});
    EXPECT_TRUE(receipt.ok()) << (receipt.ok() ? "" : receipt.error().message);
    return key;
}

void KioskFixture::cancel(const Occurrence& activity, const std::string& name, const std::string& group,
                          UnixSeconds at)
{
    store::ActivityLog log(store().database());
    auto cancelled = log.cancel(activity, visitor_id(name, group), store::new_record_key(), {at, true});
    EXPECT_TRUE(cancelled.ok()) << (cancelled.ok() ? "" : cancelled.error().message);
}

void KioskFixture::mark_here(const Occurrence& activity, const std::string& name, const std::string& group,
                             UnixSeconds at)
{
    store::ActivityLog log(store().database());
    auto marked = log.mark_here(activity, VisitorIdentity{std::nullopt, name, group, ""}, store::new_record_key(),
                                {at, true});
    EXPECT_TRUE(marked.ok()) << (marked.ok() ? "" : marked.error().message);
}

void KioskFixture::count_here(const Occurrence& activity, UnixSeconds at)
{
    store::ActivityLog log(store().database());
    EXPECT_TRUE(log.mark_here(activity, std::nullopt, store::new_record_key(), {at, true}).ok());
}

void KioskFixture::withdraw(const Occurrence& activity, const std::string& name, const std::string& group,
                            UnixSeconds at)
{
    store::ActivityLog log(store().database());
    const auto whose = name.empty() ? std::nullopt : std::optional<std::int64_t>(visitor_id(name, group));
    auto withdrawn = log.withdraw(activity, whose, store::new_record_key(), {at, true});
    EXPECT_TRUE(withdrawn.ok() && withdrawn.value());
}

std::int64_t KioskFixture::visitor_id(const std::string& name, const std::string& group)
{
    auto select = store().database().prepare("SELECT id FROM visitor WHERE name = ? AND group_id = ?");
    EXPECT_TRUE(select.ok());
    select->bind(1, name).bind(2, group);
    auto row = select->step();
    EXPECT_TRUE(row.ok() && row.value()) << "no visitor " << name << " in " << group;
    return row.ok() && row.value() ? select->column_int(0) : -1;
}

Occurrence activity(const std::string& uid, UnixSeconds start, std::optional<int> capacity)
{
    Occurrence occurrence;
    occurrence.uid = uid;
    occurrence.instance = start;
    occurrence.start = start;
    occurrence.end = start + 3600;
    occurrence.capacity = capacity;
    return occurrence;
}

std::vector<std::string> csv_lines(const std::string& csv)
{
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << "no byte order mark: " << csv.substr(0, 40);
    std::vector<std::string> lines;
    std::size_t at = csv.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (at < csv.size()) {
        const std::size_t end = csv.find("\r\n", at);
        EXPECT_NE(end, std::string::npos) << "a line without CRLF: " << csv.substr(at);
        if (end == std::string::npos)
            break;
        lines.push_back(csv.substr(at, end - at));
        at = end + 2;
    }
    return lines;
}

} // namespace olohuone::testing
