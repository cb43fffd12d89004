#include "earlier_records.h"

#include "app/staff_pin.h"
#include "store/staff_access.h"

#include <gtest/gtest.h>

#include "store/activity_log.h"
#include "core/visits.h"
#include "store/record_key.h"

namespace olohuone::testing {
namespace {

constexpr UnixSeconds day = 24 * 60 * 60;

VisitorIdentity identity(const std::string& name, const std::string& group) { return {std::nullopt, name, group, ""}; }

} // namespace

void sign_in_earlier(OffscreenKiosk& kiosk, const std::vector<std::string>& names, const std::string& group)
{
    for (const std::string& name : names) {
        SignInDraft draft;
        draft.key = kiosk.services().visits().new_key();
        draft.group_id = group;
        draft.typed_name = name;
        ASSERT_TRUE(kiosk.services().visits().sign_in(draft).ok()) << name;
    }
}

Occurrence occurrence_titled(OffscreenKiosk& kiosk, const CivilDate& date, const std::string& title)
{
    for (const Occurrence& occurrence : kiosk.services().programme().occurrences_on(date))
        if (occurrence.title.in("fi") == title)
            return occurrence;
    ADD_FAILURE() << "no " << title << " on " << date.year << "-" << date.month << "-" << date.day;
    return {};
}

void register_earlier(OffscreenKiosk& kiosk, const Occurrence& activity, const std::vector<std::string>& names,
                      const std::string& group)
{
    store::ActivityLog log(kiosk.services().store().database());
    // Each registration a second after the one before, across calls too: the queue order
    // is the order they were made in.
    auto made = kiosk.services().store().database().query_int("SELECT count(*) FROM registration");
    ASSERT_TRUE(made.ok());
    UnixSeconds at = kiosk.clock().now() - day + made.value();
    for (const std::string& name : names) {
        auto registered = log.register_visitor(activity, identity(name, group), store::new_record_key(), {at++, true});
        ASSERT_TRUE(registered.ok()) << name << ": " << registered.error().message;
    }
}

void mark_here_earlier(OffscreenKiosk& kiosk, const Occurrence& activity, const std::vector<std::string>& names,
                       int anonymous, const std::string& group)
{
    store::ActivityLog log(kiosk.services().store().database());
    const store::RecordTime time{kiosk.clock().now() - 60, true};
    // As the kiosk marks them: on the activity's day they are in the building from then on.
    const auto since = in_building_since(activity.start, activity.end, time.at, kiosk.services().zone());
    for (const std::string& name : names)
        ASSERT_TRUE(log.mark_here(activity, identity(name, group), store::new_record_key(), time, since).ok()) << name;
    for (int i = 0; i < anonymous; ++i)
        ASSERT_TRUE(log.mark_here(activity, std::nullopt, store::new_record_key(), time).ok());
}

std::vector<std::string> activity_regulars(int count)
{
    static const std::vector<std::string> names = {
        "Helmi Laine",     "Toivo Heikkinen", "Kerttu Mäkelä",  "Veikko Koskinen", "Sirkka Järvinen",
        "Pentti Lehtonen", "Irja Hämäläinen", "Eino Rantanen",  "Martta Salminen", "Onni Turunen",
        "Elsa Lindqvist",  "Reino Karjalainen"};
    return {names.begin(), names.begin() + std::min<std::size_t>(static_cast<std::size_t>(count), names.size())};
}

void set_staff_pin_earlier(OffscreenKiosk& kiosk, const std::string& pin)
{
    auto hash = app::hash_staff_pin(pin);
    ASSERT_TRUE(hash.ok()) << hash.error().message;
    auto stored = store::set_staff_pin(kiosk.services().store().database(), hash.value(), kiosk.clock().now());
    ASSERT_TRUE(stored.ok()) << stored.error().message;
}

void type_staff_pin(OffscreenKiosk& kiosk, const std::string& pin)
{
    for (char digit : pin) {
        kiosk.tap(std::string("pin/digit/") + digit);
        kiosk.advance_ms(150); // the pad's digits let a quick second tap count
    }
    kiosk.tap("pin/ok");
    kiosk.advance_ms(300);
}

Occurrence film_night_of_six(OffscreenKiosk& kiosk)
{
    const Occurrence film = occurrence_titled(kiosk, today, "Elokuvailta");
    ProgrammeEdit edit;
    edit.action = EditAction::Change;
    edit.key = kiosk.services().visits().new_key();
    edit.uid = film.uid;
    edit.instance = film.instance;
    edit.start = film.start;
    edit.end = film.end;
    edit.capacity = 6;
    EXPECT_TRUE(kiosk.services().staff().edit_programme(edit).ok());
    kiosk.services().programme().refresh_if_needed();
    return occurrence_titled(kiosk, today, "Elokuvailta");
}

void helmi_cancelled(OffscreenKiosk& kiosk, const Occurrence& film)
{
    ASSERT_EQ(film.capacity, 6);
    register_earlier(kiosk, film, activity_regulars(7));
    const std::optional<Registrant> helmi =
        kiosk.services().activities().registrant(film, VisitorIdentity{std::nullopt, "Helmi Laine", "resident", ""});
    ASSERT_TRUE(helmi);
    ASSERT_TRUE(
        kiosk.services().activities().cancel_registration(film, helmi->visitor_id, kiosk.services().visits().new_key()).ok());
}

} // namespace olohuone::testing
