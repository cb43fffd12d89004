#pragma once
// The name, typed on the on-screen keyboard. Returning visitors whose name starts with
// the typed letters are offered as big buttons (first name and initial only); before
// anything is typed, a sign-in's name screen offers "count me without a name" there.
#include <memory>
#include <utility>

#include "core/visitor_name.h"
#include "ui/screens/keyboard.h"
#include "ui/screens/screen.h"
#include "ui/screens/visit_flow.h"

namespace olohuone::ui {

class NameScreen final : public Screen {
public:
    explicit NameScreen(std::shared_ptr<SignInFlow> flow) : m_flow(std::move(flow)) {}

    std::string name() const override { return "sign_in_name"; }
    std::vector<ControlGroup> controls(const ScreenContext&) override { return {}; }
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool shows_day_header() const override { return false; }
    bool shows_shared_controls(const ScreenContext&) const override { return false; }
    bool holds_personal_data() const override { return true; }

    const std::string& typed() const { return m_typed; }

private:
    void type(const std::string& insert);
    ScreenAction done(const ScreenContext& context);
    void build_field(const ScreenContext& context, Rect rect, DrawList& list) const;
    void build_offers(const ScreenContext& context, Rect row, DrawList& list);
    void forget_suggestions();

    std::shared_ptr<SignInFlow> m_flow;
    std::string m_typed;
    KeyboardPage m_keyboard_page = KeyboardPage::First; // where the letters need two pages
    std::string m_problem_key; // a gentle message in place of the suggestions
    std::vector<VisitorSuggestion> m_suggestions; // those shown, for the tap that picks one
    std::pair<std::string, int> m_suggested_for{{}, -1}; // the text and room they were asked for
};

// Suggestions start at this many typed letters: one letter would list too many people.
inline constexpr std::size_t letters_before_suggestions = 2;

} // namespace olohuone::ui
