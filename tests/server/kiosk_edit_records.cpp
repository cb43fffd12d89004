#include "kiosk_edit_records.h"

#include <gtest/gtest.h>

#include "server_process.h"
#include "store/programme_edits.h"
#include "store/record_key.h"

namespace olohuone::testing {

ProgrammeEdit programme_edit(EditAction action, std::string uid, UnixSeconds instance)
{
    ProgrammeEdit edit;
    edit.action = action;
    edit.key = store::new_record_key();
    edit.uid = std::move(uid);
    edit.instance = instance;
    return edit;
}

nlohmann::json kiosk_edit_record(store::Store& kiosk, const ProgrammeEdit& edit, store::RecordTime time)
{
    const auto recorded = store::record_programme_edit(kiosk.database(), edit, time);
    EXPECT_TRUE(recorded.ok()) << (recorded.ok() ? "" : recorded.error().message);
    auto select = kiosk.database().prepare("SELECT kind, payload, created_at, clock_synced FROM outbox WHERE key = ?");
    EXPECT_TRUE(select.ok());
    if (!select.ok())
        return {};
    select->bind(1, edit.key);
    const auto found = select->step();
    EXPECT_TRUE(found.ok() && found.value()) << "no outbox row for " << edit.key;
    if (!found.ok() || !found.value())
        return {};
    return {{"key", edit.key},
            {"kind", select->column_text(0)},
            {"payload", nlohmann::json::parse(select->column_text(1))},
            {"created_at", select->column_int(2)},
            {"clock_synced", select->column_int(3) != 0}};
}

nlohmann::json post_record(const std::string& records_url, const std::string& ca, const std::string& token,
                           const nlohmann::json& record)
{
    const HttpAnswer answer =
        send({.url = records_url, .body = nlohmann::json{{"records", {record}}}.dump(), .token = token, .ca = ca});
    EXPECT_EQ(answer.status, 200) << answer.body;
    const auto json = nlohmann::json::parse(answer.body, nullptr, false);
    if (answer.status != 200 || !json.is_object() || !json.contains("results"))
        return nullptr;
    return json["results"][0];
}

} // namespace olohuone::testing
