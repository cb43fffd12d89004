#pragma once
// "Kuka on paikalla": everyone in the building now (signed in, or marked present at
// one of today's activities), by name, with where and when they were last seen and
// their group, for a fire alarm's roll call. Alphabetical, so a name is found at a
// glance; pages when the list is long.
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
    // On a 7" panel the header's lines hold one more person.
    bool shows_day_header_on_a_small_screen() const override { return false; }
    std::optional<MonotonicMs> closes_after_ms() const override { return m_closes_after_ms; }

private:
    // "Ulkoiluryhmä, Piha · Asukas", or "Kirjautui sisään · Asukas".
    std::string last_seen(const PresentVisitor& person, const ScreenContext& context) const;

    std::vector<PresentVisitor> m_present;
    std::vector<Occurrence> m_today; // to name the activity where someone was last seen
    std::int64_t m_anonymous = 0;
    std::size_t m_first = 0;
    std::size_t m_per_page = 1;
    MonotonicMs m_closes_after_ms;
};

} // namespace olohuone::ui
