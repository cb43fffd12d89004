#pragma once
// Text size and language, one tap from Today on a 7" panel, where the programme needs the
// room their six buttons would take. A choice shows at once on this screen itself, so
// the visitor sees what it does before going back; it lasts until the idle reset.
#include <utility>
#include <vector>

#include "ui/screens/screen.h"

namespace olohuone::ui {

struct LanguageChoice {
    std::string code;        // "sv"
    std::string native_name; // "Svenska"
};

class SettingsScreen final : public Screen {
public:
    // `offers_staff_entry`: opened from Today, whose "Henkilökunta" button lives here.
    SettingsScreen(std::vector<LanguageChoice> languages, bool offers_staff_entry)
        : m_languages(std::move(languages)), m_offers_staff_entry(offers_staff_entry)
    {
    }

    std::string name() const override { return "settings"; }
    std::vector<ControlGroup> controls(const ScreenContext& context) override;
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool shows_day_header() const override { return false; }
    bool shows_shared_controls(const ScreenContext&) const override { return false; }

private:
    std::vector<LanguageChoice> m_languages;
    bool m_offers_staff_entry;
};

// The ids the kiosk answers on any screen (kiosk_ui.cpp).
const char* text_size_id(TextSize size);
// Three "A"s of growing size, the sign for text size people know from web pages; the
// `current` one selected.
std::vector<ButtonSpec> text_size_buttons(TextSize current);
inline constexpr std::string_view text_size_prefix = "size/";
inline constexpr std::string_view language_prefix = "language/";
inline constexpr const char* staff_entry_id = "staff/enter";
inline constexpr const char* settings_open_id = "settings/open";

} // namespace olohuone::ui
