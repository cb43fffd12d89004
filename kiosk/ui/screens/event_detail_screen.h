#pragma once
// One event in full: title, day and time, place, who runs it, places, description and
// picture, with a large "Takaisin" button back to the list, and the activity's own
// buttons while they apply: "Tulen mukaan", "Peru ilmoittautuminen", "Olen paikalla".
#include <functional>

#include "core/day_plan.h"
#include "ui/screens/paging.h"
#include "ui/screens/screen.h"

namespace olohuone::ui {

class EventDetailScreen final : public Screen {
public:
    explicit EventDetailScreen(PlanEntry entry) : m_entry(std::move(entry)) {}

    std::string name() const override { return "event_detail"; }
    void begin_frame(const ScreenContext& context) override;
    std::vector<ControlGroup> controls(const ScreenContext& context) override;
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool shows_shared_controls(const ScreenContext& context) const override;
    bool shows_day_header_on_a_small_screen() const override { return false; }

    const Occurrence& occurrence() const { return m_entry.occurrence; }

private:
    // One line of the page, already wrapped to the text width, a badge, or the picture.
    struct Block {
        enum class Kind { Text, Badge, Picture } kind = Kind::Text;
        std::string text;
        FontSpec font;
        Color foreground;
        Color fill; // badges
        bool strike = false;
        int height = 0;
        int space_before = 0;
        // The last line of a fact, a title or a sentence: a page may end after it.
        bool page_may_end = true;
    };

    std::vector<Block> make_blocks(const ScreenContext& context, int width, int area_height, bool picture_block) const;
    void add_places_blocks(const ScreenContext& context,
                           const std::function<void(const std::string&, const FontSpec&, Color)>& add_text) const;
    PagingLabels paging_labels(const Catalog& catalog) const;

    PlanEntry m_entry;
    ActivityStatus m_status; // as of the frame being built (begin_frame)
    // Paging through the lines of the page when they do not fit the screen at once.
    std::size_t m_first_block = 0;
    std::size_t m_next_page_block = 0;
    bool m_has_more = false;
};

} // namespace olohuone::ui
