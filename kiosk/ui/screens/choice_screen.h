#pragma once
// A question answered by tapping one of a few big buttons: which group, which marker,
// whom you came to see, which name is yours. Buttons fill a grid of as many columns as
// fit at a readable width; more than fit go on pages with "earlier / later" buttons.
#include <functional>

#include "ui/screens/message_screens.h"
#include "ui/screens/screen.h"

namespace olohuone::ui {

struct Choice {
    std::string id; // the part after "choice/"
    std::string label;
    std::string detail = {}; // a smaller second line
    ButtonStyle style = ButtonStyle::Primary; // staff's lists: Selected (marked here) or Unselected
};

struct ChoiceSpec {
    Message message;           // the question above the buttons
    // Other messages the screen shows as things change (what the last change did): it
    // keeps room for the tallest, so the answers stay where the finger learnt them.
    std::vector<Message> message_alternatives;
    std::vector<Choice> choices;
    std::string empty_text;    // shown when there is nothing to choose
    std::string footnote;      // a line under the buttons (the privacy notice)
    // Where the footnote does not fit beside all the answers (a 7" panel), a button
    // with this label takes an answer's place and shows it on a page of its own.
    std::string footnote_button;
    std::vector<ButtonSpec> extra_controls; // panel buttons beside "Takaisin" ("Ohita")
    std::vector<ControlGroup> control_groups; // after them, several buttons under one caption
    double min_choice_width_mm = 45.0; // wider for long labels (activity titles)
    double choice_height_mm = sizes::min_target_mm + 3.0; // at least; taller where a label needs it
};

class ChoiceScreen final : public Screen {
public:
    using Describe = std::function<ChoiceSpec(const ScreenContext&)>;
    // Called with a choice's id or an extra control's id.
    using Chosen = std::function<ScreenAction(const std::string& id, const ScreenContext&)>;

    ChoiceScreen(std::string name, Describe describe, Chosen chosen, bool personal)
        : m_name(std::move(name)), m_describe(std::move(describe)), m_chosen(std::move(chosen)), m_personal(personal)
    {
    }

    std::string name() const override { return m_name; }
    // Asks for the question and its answers once a frame: they may come from the
    // database, and the layout reads them more than once.
    void begin_frame(const ScreenContext& context) override { m_spec = m_describe(context); }
    std::vector<ControlGroup> controls(const ScreenContext& context) override;
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool shows_day_header() const override { return false; }
    bool shows_shared_controls(const ScreenContext& context) const override
    {
        return !m_closes_after_ms && !context.small_screen;
    }
    bool holds_personal_data() const override { return m_personal; }
    std::optional<MonotonicMs> closes_after_ms() const override { return m_closes_after_ms; }

    // A staff screen: it closes by itself after `idle_ms` untouched, and leaves out the
    // visitors' text size and language buttons.
    void close_after(MonotonicMs idle_ms) { m_closes_after_ms = idle_ms; }

private:
    std::string m_name;
    Describe m_describe;
    Chosen m_chosen;
    ChoiceSpec m_spec; // this frame's, from begin_frame()
    bool m_personal;
    std::size_t m_first = 0;     // first choice on the page shown
    std::size_t m_per_page = 1;  // choices one page holds, from the last layout
    std::size_t m_count = 0;     // the answers, and the footnote's button when it has one
    bool m_footnote_button = false;
    std::optional<MonotonicMs> m_closes_after_ms;
};

// A note (what a visitor's name is kept for) on a page of its own, with "Takaisin".
std::unique_ptr<Screen> note_screen(const std::string& title, const std::string& note);

inline constexpr std::string_view choice_prefix = "choice/";

} // namespace olohuone::ui
