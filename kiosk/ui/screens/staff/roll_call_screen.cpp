#include "ui/screens/staff/roll_call_screen.h"

#include <algorithm>

#include "core/log.h"
#include "ui/screens/staff/staff_controls.h"

namespace olohuone::ui {
namespace {

constexpr const char* end_id = "roll_call/end";

// Who is found so far. The journal hears when the roll call begins and ends (however
// it ends: "Lopeta", "Takaisin", or left untouched), with counts and no names.
class RollCall {
public:
    RollCall(std::vector<PresentVisitor> people, std::vector<std::string> where, std::int64_t anonymous)
        : people(std::move(people)), where(std::move(where)), found(this->people.size(), false), anonymous(anonymous)
    {
        log::warning("roll call begun: " + std::to_string(this->people.size()) + " in the building by name, "
                     + std::to_string(anonymous) + " counted without a name today");
    }
    RollCall(const RollCall&) = delete;
    RollCall& operator=(const RollCall&) = delete;
    ~RollCall()
    {
        log::warning("roll call ended: " + std::to_string(found_count()) + " of " + std::to_string(people.size())
                     + " found");
    }

    std::size_t found_count() const { return static_cast<std::size_t>(std::count(found.begin(), found.end(), true)); }

    const std::vector<PresentVisitor> people;
    const std::vector<std::string> where;
    std::vector<bool> found;
    const std::int64_t anonymous;
};

} // namespace

std::unique_ptr<Screen> make_roll_call_screen(std::vector<PresentVisitor> people, std::vector<std::string> where,
                                              std::int64_t anonymous)
{
    auto call = std::make_shared<RollCall>(std::move(people), std::move(where), anonymous);
    return staff_choices(
        roll_call_screen_name,
        [call](const ScreenContext& now) {
            const Catalog& catalog = now.catalog;
            ChoiceSpec spec;
            const std::size_t missing = call->people.size() - call->found_count();
            spec.message.title = catalog.format("staff.roll_call_missing", {{"missing", std::to_string(missing)},
                                                                            {"count", std::to_string(call->people.size())}});
            spec.message.lines.push_back(catalog.text(missing == 0 && !call->people.empty() ? "staff.roll_call_all_found"
                                                                                             : "staff.roll_call_hint"));
            if (call->anonymous > 0)
                spec.message.lines.push_back(
                    catalog.format("staff.anonymous_today", {{"count", std::to_string(call->anonymous)}}));
            // Room for either line under the title, so the names do not move when the
            // last one is found.
            spec.message_alternatives.push_back(spec.message);
            spec.message_alternatives.back().lines.front() =
                catalog.text(missing == 0 ? "staff.roll_call_hint" : "staff.roll_call_all_found");
            for (std::size_t i = 0; i < call->people.size(); ++i) {
                const bool found = call->found[i];
                std::string detail = call->where[i];
                if (found)
                    detail = catalog.text("staff.roll_call_found") + " · " + detail;
                spec.choices.push_back({"person/" + std::to_string(i), call->people[i].name, detail,
                                        found ? ButtonStyle::Selected : ButtonStyle::Unselected});
            }
            spec.empty_text = catalog.text("staff.present_none");
            spec.extra_controls.push_back({end_id, catalog.text("staff.roll_call_end"), ButtonStyle::Primary});
            return spec;
        },
        [call](const std::string& id, const ScreenContext&) -> ScreenAction {
            if (id == end_id)
                return ScreenAction::pop();
            constexpr std::string_view person = "person/";
            if (!id.starts_with(person))
                return {};
            // A tap ticks, and a second tap takes a tick made by mistake back.
            const std::size_t index = std::stoul(id.substr(person.size()));
            if (index < call->found.size())
                call->found[index] = !call->found[index];
            return {};
        },
        roll_call_closes_after_ms);
}

} // namespace olohuone::ui
