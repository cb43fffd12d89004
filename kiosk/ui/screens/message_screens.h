#pragma once
// Screens that say one thing and wait for one tap: a question with a big "yes", the
// thank-you after a record, and "Jatketaanko?" when a visitor stops half-way.
#include <functional>
#include <optional>

#include "ui/screens/screen.h"

namespace olohuone::ui {

// What a message screen says, in the visitor's current language.
struct Message {
    std::string title;
    std::vector<std::string> lines;
    std::string note; // smaller, under the buttons (what is stored and why)
};

// "Kirjaudutaanko sisään?" with the facts and a big yes. `confirm` makes the record; if
// it fails the screen stays, says so, and the visitor can try again.
class ConfirmScreen final : public Screen {
public:
    using Describe = std::function<Message(const ScreenContext&)>;
    using Confirm = std::function<Result<ScreenAction>(const ScreenContext&)>;

    ConfirmScreen(std::string name, Describe describe, std::string yes_key, Confirm confirm)
        : m_name(std::move(name)), m_describe(std::move(describe)), m_yes_key(std::move(yes_key)),
          m_confirm(std::move(confirm))
    {
    }

    std::string name() const override { return m_name; }
    std::vector<ControlGroup> controls(const ScreenContext& context) override;
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool shows_day_header() const override { return false; }
    bool shows_shared_controls(const ScreenContext& context) const override { return !context.small_screen; }
    // At large text on a 7" panel the facts and the yes need the full height.
    bool panel_beside_when_short() const override { return true; }
    bool holds_personal_data() const override { return true; }

private:
    bool note_behind_button(const ScreenContext& context) const;
    ButtonSpec yes_button(const ScreenContext& context) const;

    std::string m_name;
    Describe m_describe;
    std::string m_yes_key;
    Confirm m_confirm;
    bool m_failed = false;
    mutable std::optional<bool> m_has_note;
};

// "Kiitos, Aino!": closes by itself after the configured time, or at a tap on "Valmis".
class ThanksScreen final : public Screen {
public:
    // A second button beside "Valmis" that takes back what was just done ("Peru
    // laskenta"), for a one-tap record a slip of the finger can make.
    struct Undo {
        std::string label;
        std::function<ScreenAction(const ScreenContext&)> undo;
    };

    // Where "Valmis" (or the time running out) leads: home, the visitor's session over,
    // or back to the screen under it, where the next person counts themselves.
    enum class Closing { Home, Back };

    // `still_changing`: the message waits for something (the server's decision of a
    // place) and is drawn again every moment while this says so.
    ThanksScreen(std::function<Message(const ScreenContext&)> describe, MonotonicMs closes_after_ms,
                 std::optional<Undo> undo = std::nullopt, Closing closing = Closing::Home,
                 std::function<bool()> still_changing = {})
        : m_describe(std::move(describe)), m_closes_after_ms(closes_after_ms), m_undo(std::move(undo)),
          m_closing(closing), m_still_changing(std::move(still_changing))
    {
    }

    std::string name() const override { return "thanks"; }
    std::vector<ControlGroup> controls(const ScreenContext&) override { return {}; }
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    std::optional<MonotonicMs> closes_after_ms() const override { return m_closes_after_ms; }
    bool closes_to_previous() const override { return m_closing == Closing::Back; }
    // On a 7" panel the header's lines go to the message: "Kiitos!" alone does not say
    // what was recorded.
    bool shows_day_header_on_a_small_screen() const override { return false; }
    // Nothing to choose in the moment it stays; Today's controls come back after it.
    bool shows_shared_controls(const ScreenContext&) const override { return false; }
    bool keeps_clear_of_home_controls() const override { return true; }
    std::optional<MonotonicMs> refreshes_every_ms() const override
    {
        if (m_still_changing && m_still_changing())
            return 200;
        return std::nullopt;
    }

private:
    std::function<Message(const ScreenContext&)> m_describe;
    MonotonicMs m_closes_after_ms;
    std::optional<Undo> m_undo;
    Closing m_closing;
    std::function<bool()> m_still_changing;
};

// "Peru laskenta" for a count without a name, which takes one tap, so one tap takes it
// back: `withdraw` takes the count back, and a thank-you in the same place says so (with
// `undone_line_key`), or that it could not be, to tell staff; it closes as `closing` says.
ThanksScreen::Undo count_undo(std::function<bool(const ScreenContext&)> withdraw, std::string undone_line_key,
                              ThanksScreen::Closing closing, const ScreenContext& context);

// "Jatketaanko?": big and calm, one tap to go on; without an answer the kiosk goes home
// and what was typed is gone.
class ContinueScreen final : public Screen {
public:
    explicit ContinueScreen(MonotonicMs answer_ms) : m_answer_ms(answer_ms) {}

    std::string name() const override { return "continue"; }
    std::vector<ControlGroup> controls(const ScreenContext&) override { return {}; }
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool shows_day_header() const override { return false; }
    bool shows_shared_controls(const ScreenContext& context) const override { return !context.small_screen; }
    std::optional<MonotonicMs> closes_after_ms() const override { return m_answer_ms; }

private:
    MonotonicMs m_answer_ms;
};

// A title and lines of text from the top of `area`, wrapped; returns the height used.
// A message too long for `area` even at the normal size is drawn at it regardless,
// unless it would then be taller than `title_shrinks_beyond_h`: then its title is no
// bigger than its text (a thank-you, whose one button must keep a touch target's size).
int add_message(DrawList& list, const Message& message, Rect area, const ScreenContext& context,
                std::optional<int> title_shrinks_beyond_h = std::nullopt);

// The "◀ Takaisin" group every flow screen has in its panel.
ControlGroup back_group(const ScreenContext& context, const std::string& id);

} // namespace olohuone::ui
