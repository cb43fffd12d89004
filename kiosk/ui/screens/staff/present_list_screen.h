#pragma once
// "Kuka on paikalla": everyone signed in now, by name, with their group and when they
// came, for a fire alarm's roll call. One line a person, in alphabetical order, so a
// name is found at a glance; pages when the list is long.
#include "ui/screens/screen.h"

namespace olohuone::ui {

class PresentListScreen final : public Screen {
public:
    explicit PresentListScreen(MonotonicMs closes_after_ms) : m_closes_after_ms(closes_after_ms) {}

    std::string name() const override { return "staff_present"; }
    void begin_frame(const ScreenContext& context) override;
    std::vector<ControlGroup> controls(const ScreenContext& context) override;
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool shows_shared_controls(const ScreenContext&) const override { return false; }
    std::optional<MonotonicMs> closes_after_ms() const override { return m_closes_after_ms; }

private:
    std::vector<PresentVisitor> m_present;
    std::int64_t m_anonymous = 0;
    std::size_t m_first = 0;
    std::size_t m_per_page = 1;
    MonotonicMs m_closes_after_ms;
};

} // namespace olohuone::ui
