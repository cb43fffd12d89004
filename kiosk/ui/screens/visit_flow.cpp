#include "ui/screens/visit_flow.h"

#include <algorithm>

#include "core/visitor_name.h"
#include "ui/screens/choice_screen.h"
#include "ui/screens/message_screens.h"
#include "ui/screens/name_screen.h"

namespace olohuone::ui {
namespace {

std::string group_label(const std::string& group_id, const ScreenContext& context)
{
    const VisitorGroup* group = context.visit_options.group(group_id);
    return group ? group->label.in(context.catalog.language()) : group_id;
}

// The thank-you: `line_key` says what happened at {time}; `untimed_key` says it without
// the time, for a clock not yet set, whose time may be false.
std::unique_ptr<Screen> thanks_for(std::string heading_key, std::string first_name, std::string line_key,
                                   std::string untimed_key, UnixSeconds at, const ScreenContext& context,
                                   std::optional<ThanksScreen::Undo> undo = std::nullopt)
{
    return std::make_unique<ThanksScreen>(
        [=](const ScreenContext& now) {
            const std::string line = now.clock_known
                ? now.catalog.format(line_key, {{"time", now.catalog.clock_phrase(now.zone.to_local(at).time)}})
                : now.catalog.text(untimed_key);
            return Message{now.catalog.format(heading_key, {{"name", first_name}}), {line}, {}};
        },
        context.thank_you_ms, std::move(undo));
}

Result<ScreenAction> sign_in(const std::shared_ptr<SignInFlow>& flow, const ScreenContext& context)
{
    auto receipt = context.visits.sign_in(flow->draft);
    if (!receipt)
        return receipt.error();
    if (flow->draft.anonymous) {
        const auto withdraw = [key = flow->draft.key](const ScreenContext& now) {
            return now.visits.withdraw_count(key, now.visits.new_key()).ok();
        };
        return ScreenAction::finish(
            thanks_for("visit.thanks_counted", "", "visit.counted", "visit.counted", receipt->at, context,
                       count_undo(withdraw, "visit.count_undone_line", ThanksScreen::Closing::Home, context)));
    }
    return ScreenAction::finish(
        thanks_for("visit.thanks_in", receipt->first_name, "visit.signed_in_at", "visit.signed_in", receipt->at,
                   context));
}

std::unique_ptr<Screen> confirm_sign_in(const std::shared_ptr<SignInFlow>& flow)
{
    return std::make_unique<ConfirmScreen>(
        "sign_in_confirm",
        [flow](const ScreenContext& context) {
            const SignInDraft& draft = flow->draft;
            Message message{context.catalog.text("visit.confirm_in"),
                            {flow->shown_name, group_label(draft.group_id, context)},
                            {}};
            if (const NameMarker* marker = context.visit_options.marker(draft.marker_id))
                message.lines.back() += " · " + marker->label.in(context.catalog.language());
            for (const WhomChoice& whom : context.visit_options.whom)
                if (whom.id == draft.whom)
                    message.lines.push_back(
                        context.catalog.format("visit.visiting", {{"whom", whom.label.in(context.catalog.language())}}));
            message.note = context.catalog.text("visit.privacy");
            return message;
        },
        "visit.confirm_in_yes", [flow](const ScreenContext& context) { return sign_in(flow, context); });
}

std::unique_ptr<Screen> whom_screen(const std::shared_ptr<SignInFlow>& flow)
{
    return std::make_unique<ChoiceScreen>(
        "sign_in_whom",
        [](const ScreenContext& context) {
            ChoiceSpec spec;
            spec.message.title = context.catalog.text("visit.whom");
            for (const WhomChoice& whom : context.visit_options.whom)
                spec.choices.push_back({whom.id, whom.label.in(context.catalog.language())});
            spec.extra_controls.push_back({"whom/skip", context.catalog.text("visit.skip"), ButtonStyle::Unselected});
            return spec;
        },
        [flow](const std::string& id, const ScreenContext& context) {
            const auto& choices = context.visit_options.whom;
            const bool known = std::any_of(choices.begin(), choices.end(),
                                           [&](const WhomChoice& whom) { return whom.id == id; });
            if (id != "whom/skip" && !known)
                return ScreenAction{};
            flow->draft.whom = known ? id : std::string();
            return ScreenAction::push(confirm_sign_in(flow));
        },
        true);
}

} // namespace

std::string visitor_detail(const std::string& group_id, const std::string& marker_id, const ScreenContext& context)
{
    std::string detail = group_label(group_id, context);
    if (const NameMarker* marker = context.visit_options.marker(marker_id))
        detail += " · " + marker->label.in(context.catalog.language());
    return detail;
}

std::string visitor_label(const std::string& public_name, const std::string& group_id, const std::string& marker_id,
                          const ScreenContext& context)
{
    return public_name + " · " + visitor_detail(group_id, marker_id, context);
}

ScreenAction continue_after_name(const std::shared_ptr<SignInFlow>& flow, const ScreenContext& context)
{
    if (flow->identified)
        return flow->identified(context);
    const VisitorGroup* group = context.visit_options.group(flow->draft.group_id);
    if (group && group->asks_whom && !context.visit_options.whom.empty())
        return ScreenAction::push(whom_screen(flow));
    return ScreenAction::push(confirm_sign_in(flow));
}

Result<ScreenAction> count_anonymously(const std::shared_ptr<SignInFlow>& flow, const ScreenContext& context)
{
    flow->draft.anonymous = true;
    flow->draft.typed_name.clear();
    flow->draft.visitor_id.reset();
    return sign_in(flow, context);
}

namespace {

std::unique_ptr<Screen> group_screen(std::string name, std::string privacy_key, const std::shared_ptr<SignInFlow>& flow)
{
    return std::make_unique<ChoiceScreen>(
        std::move(name),
        [privacy_key](const ScreenContext& now) {
            ChoiceSpec spec;
            spec.message.title = now.catalog.text("visit.who");
            for (const VisitorGroup& group : now.visit_options.groups)
                spec.choices.push_back({group.id, group.label.in(now.catalog.language())});
            spec.footnote = now.catalog.text(privacy_key);
            spec.footnote_button = now.catalog.text("visit.privacy_button");
            return spec;
        },
        [flow](const std::string& id, const ScreenContext& now) {
            if (now.visit_options.group(id) == nullptr)
                return ScreenAction{};
            flow->draft.group_id = id;
            return ScreenAction::push(std::make_unique<NameScreen>(flow));
        },
        false);
}

} // namespace

std::unique_ptr<Screen> make_sign_in_screen(const ScreenContext& context)
{
    auto flow = std::make_shared<SignInFlow>();
    flow->draft.key = context.visits.new_key();
    flow->offers_anonymous = true;
    return group_screen("sign_in_group", "visit.privacy", flow);
}

std::unique_ptr<Screen> make_identify_screen(std::string title_key, Identified identified,
                                             const ScreenContext& context)
{
    auto flow = std::make_shared<SignInFlow>();
    flow->identified = [flow_ref = std::weak_ptr<SignInFlow>(flow), identified](const ScreenContext& now) {
        const auto flow = flow_ref.lock();
        return flow ? identified(flow->draft.identity(), flow->shown_name, now) : ScreenAction{};
    };
    const std::vector<OpenVisit> visits = context.visits.signed_in_today();
    if (visits.empty())
        return group_screen("identify_group", "activity.privacy", flow);
    return std::make_unique<ChoiceScreen>(
        "identify_list",
        [visits, title_key](const ScreenContext& now) {
            ChoiceSpec spec;
            spec.message.title = now.catalog.text(title_key);
            spec.message.lines.push_back(now.catalog.text("activity.pick_or_type"));
            for (const OpenVisit& visit : visits)
                spec.choices.push_back({std::to_string(visit.visitor_id), visit.public_name,
                                        visitor_detail(visit.group_id, visit.marker_id, now)});
            spec.extra_controls.push_back(
                {"identify/type", now.catalog.text("activity.type_name"), ButtonStyle::Primary});
            return spec;
        },
        [visits, flow, identified](const std::string& id, const ScreenContext& now) {
            if (id == "identify/type")
                return ScreenAction::push(group_screen("identify_group", "activity.privacy", flow));
            for (const OpenVisit& visit : visits)
                if (std::to_string(visit.visitor_id) == id)
                    return identified(VisitorIdentity{visit.visitor_id, {}, visit.group_id, visit.marker_id},
                                      visit.public_name, now);
            return ScreenAction{};
        },
        false);
}

std::unique_ptr<Screen> make_sign_out_screen(const ScreenContext& context)
{
    const std::vector<OpenVisit> visits = context.visits.signed_in_today();
    return std::make_unique<ChoiceScreen>(
        "sign_out_list",
        [visits](const ScreenContext& now) {
            ChoiceSpec spec;
            spec.message.title = now.catalog.text("visit.pick_yourself");
            for (const OpenVisit& visit : visits)
                spec.choices.push_back(
                    {visit.visit_key, visit.public_name, visitor_detail(visit.group_id, visit.marker_id, now)});
            spec.empty_text = now.catalog.text("visit.nobody_in");
            return spec;
        },
        [visits](const std::string& id, const ScreenContext& now) {
            for (const OpenVisit& visit : visits) {
                if (visit.visit_key != id)
                    continue;
                const std::string sign_out_key = now.visits.new_key();
                const std::string first = first_name(visit.public_name);
                return ScreenAction::push(std::make_unique<ConfirmScreen>(
                    "sign_out_confirm",
                    [visit](const ScreenContext& context) {
                        return Message{context.catalog.text("visit.confirm_out"),
                                       {visitor_label(visit.public_name, visit.group_id, visit.marker_id, context)},
                                       {}};
                    },
                    "visit.confirm_out_yes",
                    [visit, sign_out_key, first](const ScreenContext& context) -> Result<ScreenAction> {
                        auto at = context.visits.sign_out(visit.visit_key, sign_out_key);
                        if (!at)
                            return at.error();
                        return ScreenAction::finish(
                            thanks_for("visit.thanks_out", first, "visit.signed_out_at", "visit.signed_out", at.value(), context));
                    }));
            }
            return ScreenAction{};
        },
        false);
}

} // namespace olohuone::ui
