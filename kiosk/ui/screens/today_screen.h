#pragma once
// Today's programme (or another day's): the events in time order, what is on now and
// next marked, cancelled ones crossed out, past ones dimmed. Tapping an event opens its
// detail screen; the day buttons step to tomorrow and the following days.
#include "core/day_plan.h"
#include "ui/screens/event_row.h"
#include "ui/screens/paging.h"
#include "ui/screens/screen.h"

namespace olohuone::ui {


class TodayScreen final : public Screen {
public:
    std::string name() const override { return "today"; }
    std::vector<ControlGroup> controls(const ScreenContext& context) override;
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool offers_staff_entry() const override { return true; }
    bool panel_beside_when_short() const override { return true; }

    int day_offset() const { return m_day_offset; }

private:
    CivilDate shown_date(const ScreenContext& context) const { return context.local_now.date.plus_days(m_day_offset); }
    std::string day_name(int offset, const ScreenContext& context) const;
    void show_day(int offset);
    PagingLabels paging_labels(const Catalog& catalog) const;
    // The heading above another day's events ("Huomenna · keskiviikko 25.11."); returns
    // its height. With list == nullptr it only measures.
    int add_day_heading(int offset, const ScreenContext& context, int x, int y, int width, DrawList* list) const;
    // The next day's first events in the room left under the shown day's last one.
    void add_next_day(const ScreenContext& context, Rect room, DrawList& list);

    int m_day_offset = 0;
    // Paging: the first entry shown, unset until the first layout of a day.
    std::optional<std::size_t> m_first;
    std::size_t m_shown_end = 0; // one past the last entry shown by the last build
    bool m_has_earlier = false;
    bool m_has_later = false;
    std::vector<int> m_row_heights;
    std::vector<RowDetail> m_row_detail;
    int m_rows_space = 0;
    std::string m_position; // "1–3 / 6", from the last build
    DayPlan m_plan;
    DayPlan m_next_plan; // the next day's, where its first events fill the room under the list
    bool m_plan_shows_now = false; // whether m_plan was made knowing the time of day
};

} // namespace olohuone::ui
