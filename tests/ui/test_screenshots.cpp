// Every screen at both reference resolutions and every text size, compared with the
// reference images in tests/ui/reference/ and checked for overflow, contrast and
// target sizes.
#include <gtest/gtest.h>

#include <functional>

#include "frame_checks.h"
#include "offscreen_kiosk.h"
#include "reference_images.h"

namespace olohuone::testing {
namespace {

struct Resolution {
    const char* name;
    int width;
    int height;
    double diagonal_inches;
};

// A 7" landscape panel (the Raspberry Pi touch display) and a 15.6" portrait one.
constexpr Resolution resolutions[] = {{"800x480", 800, 480, 7.0}, {"1080x1920", 1080, 1920, 15.6}};
constexpr const char* text_sizes[] = {"normal", "large", "extra_large"};

// Every screen a visitor can reach, each reached by taps from Today.
enum class ScreenName {
    Today,
    EventDetail,
    Tomorrow,
    SignInGroup,
    SignInName,
    SignInSuggestions,
    SignInMarker,
    SignInWhom,
    SignInConfirm,
    Thanks,
    SignOutList,
    SignOutConfirm,
    Continue,
};

constexpr std::pair<ScreenName, const char*> screen_names[] = {
    {ScreenName::Today, "today"},
    {ScreenName::EventDetail, "event"},
    {ScreenName::Tomorrow, "tomorrow"},
    {ScreenName::SignInGroup, "sign_in_group"},
    {ScreenName::SignInName, "sign_in_name"},
    {ScreenName::SignInSuggestions, "sign_in_suggestions"},
    {ScreenName::SignInMarker, "sign_in_marker"},
    {ScreenName::SignInWhom, "sign_in_whom"},
    {ScreenName::SignInConfirm, "sign_in_confirm"},
    {ScreenName::Thanks, "thanks"},
    {ScreenName::SignOutList, "sign_out_list"},
    {ScreenName::SignOutConfirm, "sign_out_confirm"},
    {ScreenName::Continue, "continue"},
};

struct Case {
    Resolution resolution;
    const char* text_size;
    ScreenName screen;
};

std::string case_name(const Case& c)
{
    for (const auto& [screen, name] : screen_names)
        if (screen == c.screen)
            return std::string(name) + "_" + c.resolution.name + "_" + c.text_size;
    return "unknown";
}

void PrintTo(const Case& c, std::ostream* out) { *out << case_name(c); }

// Regulars, so that the suggestions and the sign-out list have people in them.
void seed_regulars(OffscreenKiosk& kiosk)
{
    const std::pair<const char*, const char*> regulars[] = {
        {"Aino Korhonen", "resident"}, {"Aili Nieminen", "volunteer"}, {"Lars Åberg", "relative"},
        {"Anna-Liisa Virtanen", "relative"}, {"Ainikki Salo", "partner"}, {"Markku Saarinen", "volunteer"}};
    for (const auto& [name, group] : regulars) {
        SignInDraft draft;
        draft.key = kiosk.services().visits().new_key();
        draft.group_id = group;
        draft.typed_name = name;
        ASSERT_TRUE(kiosk.services().visits().sign_in(draft).ok());
    }
}

// A tap, then the pause a person leaves before the next one.
void tap(OffscreenKiosk& kiosk, const std::string& id)
{
    kiosk.tap(id);
    kiosk.advance_ms(600);
}

// On a small screen the choice may be on a later page.
void page_until(OffscreenKiosk& kiosk, const std::function<bool()>& shown)
{
    for (int page = 0; page < 5 && !shown(); ++page)
        tap(kiosk, "choices/later");
}

void tap_choice(OffscreenKiosk& kiosk, const std::string& id)
{
    page_until(kiosk, [&] { return kiosk.has_target("choice/" + id); });
    tap(kiosk, "choice/" + id);
}

void go_to(OffscreenKiosk& kiosk, ScreenName screen)
{
    switch (screen) {
    case ScreenName::Today:
        return;
    case ScreenName::EventDetail:
        // The chair gymnastics on now, which has a picture.
        tap(kiosk, kiosk.target_showing("Tuolijumppa", event_rows));
        return;
    case ScreenName::Tomorrow:
        tap(kiosk, "day/next");
        return;
    case ScreenName::SignOutList:
    case ScreenName::SignOutConfirm:
        tap(kiosk, "visit/sign_out");
        if (screen == ScreenName::SignOutConfirm) {
            page_until(kiosk, [&] { return kiosk.shows_text("Lars Å."); });
            tap(kiosk, kiosk.target_showing("Lars Å.", "choice/"));
        }
        return;
    default:
        break;
    }
    tap(kiosk, "visit/sign_in");
    if (screen == ScreenName::SignInGroup)
        return;
    const bool relative = screen == ScreenName::SignInWhom || screen == ScreenName::SignInConfirm
        || screen == ScreenName::Thanks;
    tap_choice(kiosk, relative ? "relative" : "resident");
    switch (screen) {
    case ScreenName::SignInName:
        return;
    case ScreenName::SignInSuggestions:
        kiosk.type("ai");
        return;
    case ScreenName::SignInMarker:
        kiosk.type("aino kallio");
        tap(kiosk, "name/done");
        return;
    case ScreenName::Continue:
        kiosk.type("ai");
        kiosk.advance_ms(kiosk.services().config().ask_to_continue_after_seconds * 1000LL);
        return;
    default:
        break;
    }
    kiosk.type("anna-liisa virtanen");
    tap(kiosk, "name/done");
    if (screen == ScreenName::SignInWhom)
        return;
    tap_choice(kiosk, "resident");
    if (screen == ScreenName::Thanks)
        tap(kiosk, "confirm/yes");
}

class ScreenshotTest : public ::testing::TestWithParam<Case> {};

TEST_P(ScreenshotTest, MatchesReferenceAndIsReadable)
{
    const Case c = GetParam();
    OffscreenKiosk kiosk({c.resolution.width, c.resolution.height, c.resolution.diagonal_inches});
    seed_regulars(kiosk);
    kiosk.tap(std::string("size/") + c.text_size);
    kiosk.advance_ms(1000);
    go_to(kiosk, c.screen);
    const std::string name = case_name(c);
    const std::string expected_screen = name.substr(0, name.find("_" + std::string(c.resolution.name)));
    if (c.screen == ScreenName::SignInSuggestions)
        EXPECT_EQ(kiosk.ui().screen_name(), "sign_in_name");
    else if (c.screen == ScreenName::Tomorrow)
        EXPECT_EQ(kiosk.ui().screen_name(), "today");
    else if (c.screen == ScreenName::EventDetail)
        EXPECT_EQ(kiosk.ui().screen_name(), "event_detail");
    else
        EXPECT_EQ(kiosk.ui().screen_name(), expected_screen);

    for (const std::string& problem : frame_problems(kiosk))
        ADD_FAILURE() << problem;
    const ImageComparison comparison = compare_with_reference(kiosk.display().surface(), case_name(c));
    EXPECT_TRUE(comparison.matches) << comparison.message;
}

std::vector<Case> all_cases()
{
    std::vector<Case> cases;
    for (const Resolution& resolution : resolutions)
        for (const char* size : text_sizes)
            for (const auto& [screen, name] : screen_names)
                cases.push_back({resolution, size, screen});
    return cases;
}

INSTANTIATE_TEST_SUITE_P(Screens, ScreenshotTest, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return case_name(info.param); });

} // namespace
} // namespace olohuone::testing
