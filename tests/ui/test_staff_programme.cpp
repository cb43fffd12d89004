// Staff changing the programme on the kiosk: cancelling and restoring an occurrence,
// moving it, another place and number of places, a one-off event from a template, and
// other days. Finger taps on the real kiosk drawing into memory, a real SQLite file,
// virtual time (Tuesday 24.11.2026 10.15). Each change must show on Today at once.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "earlier_records.h"
#include "flow_steps.h"
#include "offscreen_kiosk.h"
#include "support/temp_dir.h"

namespace olohuone::testing {
namespace {


void pick(OffscreenKiosk& kiosk, const std::string& text)
{
    for (int page = 0; page < 6 && !kiosk.shows_text(text) && kiosk.has_target("choices/later"); ++page)
        tap(kiosk, "choices/later");
    tap(kiosk, kiosk.target_showing(text, "choice/"));
}

void open_programme(OffscreenKiosk& kiosk)
{
    set_staff_pin_earlier(kiosk, test_staff_pin);
    kiosk.choose("staff/enter");
    type_staff_pin(kiosk, test_staff_pin);
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_home");
    tap(kiosk, "staff/programme");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_programme") << kiosk.screen_text();
}

void back_to_today(OffscreenKiosk& kiosk)
{
    while (kiosk.ui().screen_name() != "staff_home" && kiosk.has_target("choices/back"))
        tap(kiosk, "choices/back");
    tap(kiosk, "staff/leave");
    ASSERT_EQ(kiosk.ui().screen_name(), "today");
}

// Today's occurrence titled `title` as the Today screen gets it.
Occurrence shown_today(OffscreenKiosk& kiosk, const std::string& title)
{
    for (Occurrence& occurrence : kiosk.services().programme().occurrences_on(today))
        if (occurrence.title.in("fi") == title)
            return occurrence;
    ADD_FAILURE() << title << " is not on today's programme";
    return {};
}

nlohmann::json last_edit_record(OffscreenKiosk& kiosk)
{
    return nlohmann::json::parse(kiosk.services()
                                     .store()
                                     .database()
                                     .query_text("SELECT payload FROM outbox WHERE kind = 'programme.edit' "
                                                 "ORDER BY id DESC LIMIT 1")
                                     .value());
}

TEST(StaffProgramme, ACancelledOccurrenceShowsAsCancelledOnTodayAndIsRestoredTheSameWay)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    open_programme(kiosk);
    EXPECT_TRUE(kiosk.shows_text("Ohjelma: tiistai 24.11."));
    pick(kiosk, "Yhteislaulu");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_edit");
    // Cancelling asks first, and "no" leaves the day as it was.
    tap(kiosk, "choice/cancel");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_confirm_cancel");
    EXPECT_TRUE(kiosk.shows_text("Perutaanko Yhteislaulu?"));
    EXPECT_EQ(shown_today(kiosk, "Yhteislaulu").status, EventStatus::Scheduled) << "not before the answer";
    tap(kiosk, "choice/no");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_programme");
    EXPECT_EQ(shown_today(kiosk, "Yhteislaulu").status, EventStatus::Scheduled);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'programme.edit'"), 0);

    pick(kiosk, "Yhteislaulu");
    tap(kiosk, "choice/cancel");
    tap(kiosk, "choice/yes");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_programme");
    EXPECT_TRUE(kiosk.shows_text("Yhteislaulu on peruttu."));
    EXPECT_TRUE(kiosk.shows_text("Peruttu · muutettu täällä"));
    EXPECT_EQ(shown_today(kiosk, "Yhteislaulu").status, EventStatus::Cancelled);
    EXPECT_EQ(last_edit_record(kiosk)["action"], "cancel");
    pick(kiosk, "Yhteislaulu");
    EXPECT_TRUE(kiosk.has_target("choice/restore"));
    EXPECT_FALSE(kiosk.has_target("choice/time")) << "a cancelled occurrence is only restored";
    back_to_today(kiosk);
    EXPECT_NE(kiosk.screen_text().find("14.30–15.30 Peruttu Yhteislaulu"), std::string::npos)
        << kiosk.screen_text();

    open_programme(kiosk);
    pick(kiosk, "Yhteislaulu");
    EXPECT_TRUE(kiosk.shows_text("Muutettu tässä kioskissa.")) << "a kiosk without a server keeps its change";
    tap(kiosk, "choice/restore");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_programme");
    EXPECT_TRUE(kiosk.shows_text("Yhteislaulu on palautettu ohjelmaan."));
    EXPECT_EQ(shown_today(kiosk, "Yhteislaulu").status, EventStatus::Scheduled);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'programme.edit'"), 2);
}

TEST(StaffProgramme, AnOccurrenceIsMovedGivenAnotherPlaceAndPlacesAndKeepsItsRegistrations)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    const Occurrence singing = occurrence_titled(kiosk, today, "Yhteislaulu");
    register_earlier(kiosk, singing, activity_regulars(3));
    open_programme(kiosk);
    pick(kiosk, "Yhteislaulu");
    const auto where_buttons_are = [&kiosk] {
        std::vector<ui::Rect> places;
        for (const char* id : {"choice/time", "choice/capacity", "choice/place", "choice/cancel"})
            places.push_back(kiosk.frame().find_target(id)->drawn);
        return places;
    };
    const std::vector<ui::Rect> before_changes = where_buttons_are();

    tap(kiosk, "choice/time");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_edit_time");
    EXPECT_TRUE(kiosk.shows_text("Nyt 14.30–15.30"));
    pick(kiosk, "15.00–16.00");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_edit");
    EXPECT_TRUE(kiosk.shows_text("Siirretty: 15.00–16.00"));

    tap(kiosk, "choice/place");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_edit_place");
    pick(kiosk, "Kirjasto");
    EXPECT_TRUE(kiosk.shows_text("Uusi paikka: Kirjasto"));

    tap(kiosk, "choice/capacity");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_edit_capacity");
    EXPECT_TRUE(kiosk.shows_text("Ilmoittautuneita 3."));
    pick(kiosk, "12 paikkaa");
    EXPECT_TRUE(kiosk.shows_text("Paikkamäärä: 12 paikkaa"));
    EXPECT_EQ(where_buttons_are(), before_changes) << "the buttons stay where the finger learnt them";

    const Occurrence changed = shown_today(kiosk, "Yhteislaulu");
    EXPECT_EQ(kiosk.services().zone().to_local(changed.start).time, (CivilTime{15, 0, 0}));
    EXPECT_EQ(changed.location.in("fi"), "Kirjasto");
    EXPECT_EQ(changed.capacity, 12);
    EXPECT_EQ(changed.key(), singing.key());
    EXPECT_EQ(kiosk.services().activities().status(changed).places.coming, 3) << "the registrations follow it";
    // Each answer is a whole change: the last one (the places) still has the new time,
    // and leaves the place as the one before set it.
    const auto record = last_edit_record(kiosk);
    EXPECT_EQ(record["action"], "change");
    EXPECT_EQ(record["values"]["start"], changed.start);
    EXPECT_EQ(record["values"]["capacity"], 12);
    EXPECT_FALSE(record["values"].contains("location")) << "the place was not changed by this one";

    back_to_today(kiosk);
    EXPECT_TRUE(kiosk.shows_text("Siirretty, oli klo 14.30")) << kiosk.screen_text();
}

TEST(StaffProgramme, AOneOffEventFromATemplateIsOnTodayAtTheChosenTime)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    open_programme(kiosk);
    tap(kiosk, "programme/add");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_add_event");
    EXPECT_TRUE(kiosk.shows_text("60 min · Olohuone · 20 paikkaa"));
    pick(kiosk, "Bingo");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_add_time");
    EXPECT_FALSE(kiosk.shows_text("10.00–11.00")) << "nothing in the past";
    pick(kiosk, "16.00–17.00");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_programme");
    EXPECT_TRUE(kiosk.shows_text("Lisätty: Bingo 16.00–17.00"));

    const Occurrence bingo = shown_today(kiosk, "Bingo");
    EXPECT_EQ(bingo.capacity, 20);
    EXPECT_EQ(bingo.location.in("fi"), "Olohuone");
    const auto record = last_edit_record(kiosk);
    EXPECT_EQ(record["action"], "add");
    EXPECT_EQ(record["values"]["title"], "Bingo");
    EXPECT_EQ(record["event"]["uid"], bingo.uid);
    back_to_today(kiosk);
    EXPECT_TRUE(kiosk.shows_text("Bingo"));
}

// The template's Swedish and English titles travel with the event: on Today in each
// language, in the record for the server, and after a restart.
TEST(StaffProgramme, AnEventFromATemplateShowsInTheVisitorsLanguage)
{
    test::TempDir state;
    KioskSetup setup{1080, 1920, 15.6};
    setup.state_dir = state.path();
    setup.keep_state_dir = true;
    {
        OffscreenKiosk kiosk(setup);
        open_programme(kiosk);
        tap(kiosk, "programme/add");
        pick(kiosk, "Kahvihetki");
        pick(kiosk, "16.00–17.00");
        ASSERT_EQ(kiosk.ui().screen_name(), "staff_programme");
        const auto record = last_edit_record(kiosk);
        EXPECT_EQ(record["values"]["title"], "Kahvihetki");
        EXPECT_EQ(record["values"]["titles"]["sv"], "Kaffestund");
        EXPECT_EQ(record["values"]["titles"]["en"], "Coffee break");
        back_to_today(kiosk);
        kiosk.choose("language/sv");
        EXPECT_TRUE(kiosk.shows_text("Kaffestund")) << kiosk.screen_text();
        EXPECT_FALSE(kiosk.shows_text("Kahvihetki")) << kiosk.screen_text();
    }
    OffscreenKiosk restarted(setup);
    restarted.choose("language/en");
    EXPECT_TRUE(restarted.shows_text("Coffee break")) << restarted.screen_text();
}

TEST(StaffProgramme, TheComingDaysCanBeChangedButNotThePast)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    open_programme(kiosk);
    EXPECT_FALSE(kiosk.has_target("programme/earlier")) << "yesterday is not offered";
    tap(kiosk, "programme/later");
    EXPECT_TRUE(kiosk.shows_text("Ohjelma: keskiviikko 25.11."));
    EXPECT_TRUE(kiosk.has_target("programme/earlier"));
    pick(kiosk, "Lautapelejä");
    tap(kiosk, "choice/cancel");
    tap(kiosk, "choice/yes");
    EXPECT_EQ(occurrence_titled(kiosk, {2026, 11, 25}, "Lautapelejä kuudesluokkalaisten kanssa").status,
              EventStatus::Cancelled);

    // The desk refuses yesterday's programme whatever a screen asks.
    ProgrammeEdit past;
    past.action = EditAction::Cancel;
    past.key = "a-key-for-a-test";
    const Occurrence monday = occurrence_titled(kiosk, {2026, 11, 23}, "Omaisilta: tutustu Olohuoneeseen");
    past.uid = monday.uid;
    past.instance = monday.instance;
    EXPECT_FALSE(kiosk.services().staff().edit_programme(past).ok());
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM programme_edit WHERE key = 'a-key-for-a-test'"), 0);
}

TEST(StaffProgramme, StaffModeStillClosesByItselfWhileChangingTheProgramme)
{
    OffscreenKiosk kiosk;
    open_programme(kiosk);
    pick(kiosk, "Yhteislaulu");
    tap(kiosk, "choice/time");
    kiosk.advance_ms(kiosk.services().config().staff_idle_timeout_seconds * 1000LL + 1000);
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
}

} // namespace
} // namespace olohuone::testing
