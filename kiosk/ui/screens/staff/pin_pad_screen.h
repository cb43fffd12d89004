#pragma once
// The staff PIN pad: ten big digits, "Pyyhi" and "OK". The digits typed show as dots;
// a wrong PIN is said plainly, and after too many the pad says until when it is shut.
#include "ui/screens/screen.h"

namespace olohuone::ui {

class PinPadScreen final : public Screen {
public:
    explicit PinPadScreen(MonotonicMs closes_after_ms) : m_closes_after_ms(closes_after_ms) {}

    std::string name() const override { return "staff_pin"; }
    void begin_frame(const ScreenContext& context) override;
    std::vector<ControlGroup> controls(const ScreenContext& context) override;
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool shows_day_header() const override { return false; }
    bool shows_shared_controls(const ScreenContext&) const override { return false; }
    // What was typed goes when the pad is left alone, without "Jatketaanko?".
    std::optional<MonotonicMs> closes_after_ms() const override { return m_closes_after_ms; }
    // While shut, looked at every second, so the keys come back as soon as the wait ends.
    std::optional<MonotonicMs> refreshes_every_ms() const override
    {
        return m_note == Note::Locked ? std::optional<MonotonicMs>(1'000) : std::nullopt;
    }

private:
    enum class Note { Prompt, Wrong, Locked, NotSet, Failed };

    // Whether the typed PIN opened staff mode; the note says why not.
    bool try_typed(const ScreenContext& context);
    std::string note_text(const ScreenContext& context) const;

    std::string m_typed;
    Note m_note = Note::Prompt;
    UnixSeconds m_open_at = 0; // when a shut pad opens again
    MonotonicMs m_closes_after_ms;
};

} // namespace olohuone::ui
