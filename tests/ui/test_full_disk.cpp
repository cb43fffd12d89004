// A full disk under the real kiosk (bundled content, the SDL software renderer): the
// database sits on a small tmpfs of its own that a filler file fills to the last byte
// (support/small_filesystem.h), then frees again. A visitor who tries to sign in is told
// kindly, in large words and their language, that nothing was saved; nothing is
// confirmed that was not stored; the programme keeps showing with the sign-in buttons
// marked as out of use; and once the space is back, sign-ins work again by themselves.
#include <gtest/gtest.h>

#include "earlier_records.h"
#include "flow_steps.h"
#include "frame_checks.h"
#include "offscreen_kiosk.h"
#include "reference_images.h"
#include "support/small_filesystem.h"

namespace olohuone::testing {
namespace {

constexpr std::size_t filesystem_bytes = 4 * 1024 * 1024;

void sign_in_as_new_resident(OffscreenKiosk& kiosk, const std::string& name)
{
    tap(kiosk, "visit/sign_in");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_group");
    for (int page = 0; page < 5 && !kiosk.has_target("choice/resident"); ++page)
        tap(kiosk, "choices/later");
    tap(kiosk, "choice/resident");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_name");
    kiosk.type(name);
    tap(kiosk, "name/done");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_confirm");
    tap(kiosk, "confirm/yes");
}

void expect_no_frame_problems(OffscreenKiosk& kiosk)
{
    for (const std::string& problem : frame_problems(kiosk))
        ADD_FAILURE() << problem;
}

// The kiosk with its database on `disk`.
KioskSetup kiosk_on(const test::SmallFilesystem& disk)
{
    KioskSetup setup;
    setup.state_dir = disk.path();
    return setup;
}

// Lars signs in while there is room: a record stored before the disk fills.
void sign_in_while_there_is_room(OffscreenKiosk& kiosk)
{
    sign_in_as_new_resident(kiosk, "lars åberg");
    ASSERT_EQ(kiosk.ui().screen_name(), "thanks");
    tap(kiosk, "thanks/close");
}

TEST(FullDisk, AVisitorIsToldKindlyAndSignInsOpenAgainByThemselvesOnceSpaceReturns)
{
    test::SmallFilesystem disk(filesystem_bytes);
    ASSERT_TRUE(disk.mounted()) << disk.problem();
    OffscreenKiosk kiosk(kiosk_on(disk));
    sign_in_while_there_is_room(kiosk);

    disk.fill();
    sign_in_as_new_resident(kiosk, "aino korhonen");
    ASSERT_EQ(kiosk.ui().screen_name(), "storage_full") << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Tallennus ei juuri nyt onnistu."));
    EXPECT_TRUE(kiosk.shows_text("Kerro asiasta henkilökunnalle."));
    EXPECT_FALSE(kiosk.shows_text("Kiitos")) << "thanked for a sign-in that was not stored";
    EXPECT_FALSE(kiosk.shows_text("Aino")) << "what was typed is gone with the flow";
    expect_no_frame_problems(kiosk);
    const ImageComparison message = compare_with_reference(kiosk.display().surface(), "storage_full_800x480", Documented::Yes);
    EXPECT_TRUE(message.matches) << message.message;
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit"), 1) << "the visit stored before is still there";
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visitor"), 1) << "no visitor row without its visit";
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox"), 1);

    // The programme keeps showing; the sign-in buttons say they are out of use, and a tap
    // on one explains instead of opening a flow that cannot end well.
    tap(kiosk, "storage_full/close");
    ASSERT_EQ(kiosk.ui().screen_name(), "today");
    EXPECT_TRUE(kiosk.shows_text("Kirjautuminen ei ole nyt käytössä")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Tuolijumppa")) << "the programme is read from the full disk";
    expect_no_frame_problems(kiosk);
    const ImageComparison today = compare_with_reference(kiosk.display().surface(), "today_storage_full_800x480", Documented::Yes);
    EXPECT_TRUE(today.matches) << today.message;
    tap(kiosk, "visit/sign_in");
    EXPECT_EQ(kiosk.ui().screen_name(), "storage_full");
    tap(kiosk, "storage_full/close");

    // Still full: the kiosk's own checks every few seconds find no room.
    kiosk.advance_ms(30'000);
    EXPECT_TRUE(kiosk.shows_text("Kirjautuminen ei ole nyt käytössä"));

    // Swedish, for a visitor who reads it.
    kiosk.choose("language/sv");
    EXPECT_TRUE(kiosk.shows_text("Inloggningen är inte i bruk just nu")) << kiosk.screen_text();
    tap(kiosk, "visit/sign_in");
    EXPECT_TRUE(kiosk.shows_text("Det går inte att spara just nu.")) << kiosk.screen_text();
    tap(kiosk, "storage_full/close"); // home, still in Swedish until the idle reset
    EXPECT_TRUE(kiosk.shows_text("Inloggningen är inte i bruk just nu")) << kiosk.screen_text();
    kiosk.choose("language/fi"); // and a Finnish visitor comes

    // Space returns; nobody touches anything and the kiosk notices by itself.
    disk.free_space();
    kiosk.advance_ms(10'000);
    EXPECT_FALSE(kiosk.shows_text("Kirjautuminen ei ole nyt käytössä")) << kiosk.screen_text();
    sign_in_as_new_resident(kiosk, "aino korhonen");
    ASSERT_EQ(kiosk.ui().screen_name(), "thanks") << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Kiitos, Aino!"));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit"), 2);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox"), 2);
}

// A fire alarm on a day the disk is full: staff still open staff mode and read who is in
// the building. The PIN try that cannot be stored is counted in memory, so wrong PINs
// still shut the pad.
TEST(FullDisk, StaffStillReachTheRollCallAndWrongPinsStillShutThePad)
{
    test::SmallFilesystem disk(filesystem_bytes);
    ASSERT_TRUE(disk.mounted()) << disk.problem();
    OffscreenKiosk kiosk(kiosk_on(disk));
    set_staff_pin_earlier(kiosk, "2468");
    sign_in_while_there_is_room(kiosk);

    disk.fill();
    kiosk.choose("staff/enter");
    type_staff_pin(kiosk, "2468");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_home") << kiosk.screen_text();
    tap(kiosk, "staff/present");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_present");
    EXPECT_TRUE(kiosk.shows_text("Lars")) << kiosk.screen_text();
    tap(kiosk, "present/back");
    tap(kiosk, "staff/leave");

    kiosk.choose("staff/enter");
    for (int wrong = 0; wrong < 3; ++wrong)
        type_staff_pin(kiosk, "1111");
    EXPECT_EQ(kiosk.ui().screen_name(), "staff_pin");
    EXPECT_FALSE(kiosk.has_target("pin/digit/2")) << "three wrong PINs shut the pad, full disk or not";
}

} // namespace
} // namespace olohuone::testing
