#pragma once
// One event in full: title, day and time, place, who runs it, places, description and
// picture, with a large "Takaisin" button back to the list.
#include "core/day_plan.h"
#include "ui/screens/screen.h"

namespace olohuone::ui {

class EventDetailScreen final : public Screen {
public:
    explicit EventDetailScreen(PlanEntry entry) : m_entry(std::move(entry)) {}

    std::string name() const override { return "event_detail"; }
    std::vector<ControlGroup> controls(const ScreenContext& context) override;
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;

    const Occurrence& occurrence() const { return m_entry.occurrence; }

private:
    PlanEntry m_entry;
    std::size_t m_first_line = 0; // of the description, when it needs more than one page
    std::size_t m_next_page_line = 0;
};

} // namespace olohuone::ui
