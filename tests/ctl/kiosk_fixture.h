#pragma once
// A kiosk for olohuonectl to work on: a state folder and a content folder of the test's
// own (the bundled visitors.toml, and calendars the test writes), a kiosk.toml naming
// them, and its database opened as the screens open it, for seeding records through the
// real store and reading what the command did.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/occurrence.h"
#include "core/time_zone.h"
#include "ctl_process.h"
#include "store/activity_log.h"
#include "store/store.h"
#include "store/visit_log.h"
#include "support/temp_dir.h"

namespace olohuone::testing {

class KioskFixture : public ::testing::Test {
protected:
    KioskFixture();

    // `olohuonectl kiosk -c <kiosk.toml> <arguments>`.
    CtlRun kiosk(const std::vector<std::string>& arguments, const std::string& input = {});

    // Rewrites kiosk.toml with `extra` appended (more sections, e.g. [sync]).
    void write_config(const std::string& extra = {});
    // A calendar file in the content's programme folder.
    void write_programme(const std::string& name, const std::string& ics);

    // The kiosk's database, opened (and made) on first use.
    store::Store& store();
    std::int64_t number(const std::string& sql);

    // Records made as the screens make them.
    std::string sign_in(const std::string& name, const std::string& group, UnixSeconds at,
                        const std::string& whom = {}, const std::string& marker = {});
    std::string count_anonymous(const std::string& group, UnixSeconds at);
    void sign_out(const std::string& visit_key, UnixSeconds at);
    std::string register_for(const Occurrence& activity, const std::string& name, const std::string& group,
                             UnixSeconds at);
    void cancel(const Occurrence& activity, const std::string& name, const std::string& group, UnixSeconds at);
    void mark_here(const Occurrence& activity, const std::string& name, const std::string& group, UnixSeconds at);
    void count_here(const Occurrence& activity, UnixSeconds at);
    // Staff take back the person's mark, or the latest count without a name when `name`
    // is empty.
    void withdraw(const Occurrence& activity, const std::string& name, const std::string& group, UnixSeconds at);
    // The visitor's id by name and group (the one the records above made).
    std::int64_t visitor_id(const std::string& name, const std::string& group);

    const TimeZone& helsinki() const { return m_zone; }

    test::TempDir dir;
    const std::string config_path;
    const std::string state_dir;
    const std::string content_dir;

private:
    TimeZone m_zone;
    std::unique_ptr<store::Store> m_store;
};

// An activity on the programme: `uid` at `start` for an hour.
Occurrence activity(const std::string& uid, UnixSeconds start, std::optional<int> capacity = std::nullopt);

// The text with the CSV's byte order mark checked and removed, split into lines at CRLF.
std::vector<std::string> csv_lines(const std::string& csv);

} // namespace olohuone::testing
