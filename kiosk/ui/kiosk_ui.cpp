#include "ui/kiosk_ui.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/control_panel.h"
#include "ui/screens/header.h"
#include "ui/screens/message_screens.h"
#include "ui/screens/settings_screen.h"
#include "ui/screens/staff/pin_pad_screen.h"
#include "ui/screens/today_screen.h"

namespace olohuone::ui {
namespace {

// How long touches do nothing after a screen the visitor did not ask for: longer than a
// tap that was already on its way, short enough not to be noticed as a pause.
constexpr MonotonicMs unasked_change_guard_ms = 700;
// How long a tapped button stays lit after the finger lifts: a quick tap that begins and
// ends between two frames is still seen (a key typed, its letter and its light).
constexpr MonotonicMs tap_light_ms = 150;

} // namespace

KioskUi::KioskUi(KioskUiSettings settings, const Catalogs& catalogs, const TimeZone& zone, KioskData data,
                 TextMeasurer& measurer, const Clock& clock)
    : m_settings(std::move(settings)), m_catalogs(catalogs), m_zone(zone), m_data(data), m_measurer(measurer), m_clock(clock), m_language(m_settings.default_language),
      m_text_size(m_settings.default_text_size), m_taps(TapSettings{}), m_last_input_ms(clock.monotonic_ms())
{
    m_taps.set_settings({Metrics(m_settings.dpi, TextSize::Normal).mm(8.0), 400});
    m_stack.push_back(std::make_unique<TodayScreen>());
}

KioskUi::~KioskUi() = default;

void KioskUi::resize(int width, int height)
{
    m_width = width;
    m_height = height;
    m_dirty = true;
}

std::string KioskUi::screen_name() const { return m_stack.back()->name(); }

ScreenContext KioskUi::context(const Catalog& catalog, const Metrics& metrics, const LocalDateTime& local_now)
{
    return ScreenContext{metrics,
                         m_measurer,
                         catalog,
                         m_zone,
                         m_clock.now(),
                         local_now,
                         m_clock.synchronised(),
                         m_data.programme,
                         m_settings.content_dir,
                         m_shown_pressed,
                         m_settings.days_ahead,
                         !small_screen(),
                         small_screen(),
                         m_width >= m_height && short_screen() && m_text_size != TextSize::Normal,
                         m_data.visits,
                         m_data.activities,
                         m_data.visit_options,
                         m_settings.thank_you_ms,
                         m_data.staff,
                         m_settings.staff_idle_ms,
                         m_data.storage != nullptr && m_data.storage->full()};
}

std::vector<ControlGroup> KioskUi::shared_controls(const Catalog& catalog, bool behind_one_button) const
{
    if (behind_one_button) {
        // A 7" panel, or a column at large text, has no room for six buttons the visitor
        // sets once: one, plainly labelled, leads to them (and to "Henkilökunta").
        ControlGroup settings;
        settings.buttons.push_back({settings_open_id, catalog.text("settings.open"), ButtonStyle::Unselected});
        settings.min_button_mm = 24.0;
        return {settings};
    }
    ControlGroup sizes_group;
    sizes_group.caption = catalog.text("size.label");
    sizes_group.buttons = text_size_buttons(m_text_size);
    sizes_group.uniform_labels = false;
    // The screen's own buttons keep their row, with room for their labels; the settings
    // share the next.
    sizes_group.starts_row = true;

    ControlGroup languages;
    for (const Catalog& other : m_catalogs.all())
        if (other.language() != m_language)
            languages.buttons.push_back({std::string(language_prefix) + other.language(), other.native_name(),
                                         ButtonStyle::Unselected});
    languages.min_button_mm = 20.0;
    if (!m_stack.back()->offers_staff_entry())
        return {sizes_group, languages};
    // After the languages, in their outline: discreet, and always in the same place,
    // where staff learn to find it. Never a row of its own that would cost the programme
    // space: at the largest text on a portrait screen it gives way until the idle reset.
    // A visitor who taps it finds "Vain henkilökunnalle" and a way back.
    ControlGroup staff;
    staff.buttons.push_back({staff_entry_id, catalog.text("staff.enter"), ButtonStyle::Unselected});
    staff.min_button_mm = 24.0;
    staff.only_in_a_shared_row = true;
    return {sizes_group, languages, staff};
}

bool KioskUi::short_screen() const { return m_height * 25.4 / m_settings.dpi < 110.0; }

bool KioskUi::small_screen() const { return short_screen() || m_width * 25.4 / m_settings.dpi < 100.0; }

Metrics KioskUi::current_metrics() const
{
    return Metrics(m_settings.dpi, m_text_size, small_screen() ? SizeSteps::Compact : SizeSteps::Full,
                   m_stack.back()->read_by_staff() ? Readers::Staff : Readers::Visitors);
}

std::vector<ControlGroup> KioskUi::panel_controls(Screen& screen, const ScreenContext& ctx, const Catalog& catalog,
                                                  bool settings_behind_one_button) const
{
    std::vector<ControlGroup> groups = screen.controls(ctx);
    if (screen.shows_shared_controls(ctx))
        for (ControlGroup& group : shared_controls(catalog, settings_behind_one_button))
            groups.push_back(std::move(group));
    return groups;
}

KioskUi::Arrangement KioskUi::arrange(Screen& screen, const ScreenContext& ctx, const Catalog& catalog) const
{
    const Metrics& metrics = ctx.metrics;
    bool settings_behind_one_button = small_screen();
    const auto all_controls = [&] { return panel_controls(screen, ctx, catalog, settings_behind_one_button); };
    const int margin = metrics.mm(sizes::margin_mm);
    const int gap = metrics.mm(sizes::gap_mm);
    const Rect inner = Rect{0, 0, m_width, m_height}.inset(margin);

    // Three arrangements: a tall landscape screen gives the controls a column on the
    // right; portrait puts them along the bottom, where a hand reaches; a short
    // landscape screen (a 7" panel) too, so the list keeps the full width. A 7" panel
    // packs the bar as tightly as its targets allow. The panel's size is known before
    // the content is laid out, but its page buttons are drawn after, when the content
    // knows whether there are pages.
    const bool landscape = m_width >= m_height;
    const int panel_gap = gap;
    Rect main = inner;
    Rect panel = inner;
    PanelShape shape = PanelShape::Bar;
    const bool has_panel = screen.shows_shared_controls(ctx) || !screen.controls(ctx).empty();
    if (!has_panel) {
        // The whole screen is the screen's own (the keyboard).
    } else if (landscape && !short_screen()) {
        const int column_width = std::max(metrics.mm(58.0), inner.w * 3 / 10);
        main.w = inner.w - column_width - panel_gap;
        panel = {main.right() + panel_gap, inner.y, column_width, inner.h};
        shape = PanelShape::Column;
        settings_behind_one_button = build_control_panel(all_controls(), ctx, panel, nullptr, shape) > panel.h;
    } else if (ctx.panel_beside_if_asked && screen.panel_beside_when_short()) {
        // A 7" panel at large text: labels that need two lines would take a bar of two
        // rows from the programme. A column of one button per row, wide enough for the
        // longest word of any label, keeps its full height.
        int widest_word = 0;
        const FontSpec floor_font{FontWeight::Bold, metrics.min_text_px()};
        for (const ControlGroup& group : all_controls())
            for (const ButtonSpec& button : group.buttons)
                widest_word = std::max(widest_word, widest_word_width(button.label, floor_font, m_measurer));
        int column_width = std::clamp(widest_word + 2 * metrics.mm(2.0), inner.w * 3 / 10, inner.w * 4 / 10);
        shape = PanelShape::Stack;
        // Wider, where long labels ("Vad används mitt namn till?") would need more lines
        // than the column's height holds.
        while (column_width < inner.w / 2
               && build_control_panel(all_controls(), ctx, {0, 0, column_width, inner.h}, nullptr, shape) > inner.h)
            column_width += metrics.mm(4.0);
        main.w = inner.w - column_width - panel_gap;
        panel = {main.right() + panel_gap, inner.y, column_width, inner.h};
    } else {
        shape = landscape || small_screen() ? PanelShape::Bar : PanelShape::RoomyBar;
        const int panel_height = build_control_panel(all_controls(), ctx, inner, nullptr, shape);
        main.h = inner.h - panel_height - panel_gap;
        panel = {inner.x, main.bottom() + panel_gap, inner.w, panel_height};
    }
    return {main, panel, shape, has_panel, settings_behind_one_button};
}

void KioskUi::rebuild()
{
    // The button under the finger, or the one just tapped for a moment after.
    m_shown_pressed = m_taps.pressed_target();
    if (m_shown_pressed.empty() && m_clock.monotonic_ms() < m_lit_until_ms)
        m_shown_pressed = m_lit_target;
    const Catalog& catalog = m_catalogs.get(m_language);
    m_measurer.set_language(m_language);
    const Metrics metrics = current_metrics();
    const UnixSeconds now = m_clock.now();
    const LocalDateTime local_now = m_zone.to_local(now);
    ScreenContext ctx = context(catalog, metrics, local_now);
    Screen& screen = *m_stack.back();
    screen.begin_frame(ctx);

    const Rect screen_rect{0, 0, m_width, m_height};
    // A thank-you keeps its buttons clear of where Today, which follows it, has its
    // controls: a late or second tap then lands on the programme, which only shows more.
    if (screen.keeps_clear_of_home_controls()) {
        TodayScreen home;
        ctx.home_controls = arrange(home, ctx, catalog).panel;
    }
    const Arrangement arranged = arrange(screen, ctx, catalog);
    const Rect main = arranged.main;

    m_frame.clear();
    m_frame.fill(screen_rect, theme::background);
    const int gap = metrics.mm(sizes::gap_mm);
    int content_y = main.y;
    if (small_screen() ? screen.shows_day_header_on_a_small_screen() : screen.shows_day_header()) {
        const int header_height =
            build_header(ctx, main, &m_frame, small_screen() ? HeaderSpace::OneLine : HeaderSpace::TwoLines);
        const int rule_y = main.y + header_height + metrics.mm(1.0);
        const int rule_height = std::max(1, metrics.mm(0.4));
        m_frame.fill({main.x, rule_y, main.w, rule_height}, theme::secondary_text);
        content_y = rule_y + rule_height + gap;
        // Out of touch with the server: a quiet note under the header's rule, at the
        // right. What visitors do is kept all the same, so it asks nothing of them.
        if (m_data.connection != nullptr && m_data.connection->offline(now)) {
            const std::string note = catalog.text("status.offline");
            const FontSpec note_font{FontWeight::Regular,
                                     std::max(metrics.min_text_px(), metrics.damped_text_px(sizes::header_pt) * 3 / 4)};
            const int note_width = std::min(main.w, m_measurer.width(note, note_font));
            const int note_height = m_measurer.line_height(note_font);
            const int note_y = rule_y + rule_height;
            m_frame.text({note, note_font, {main.right() - note_width, note_y},
                          {main.right() - note_width, note_y, note_width, note_height}, theme::past_text,
                          theme::background});
            content_y = std::max(content_y, note_y + note_height + gap / 2);
        }
    }
    screen.build(ctx, {main.x, content_y, main.w, main.bottom() - content_y}, m_frame);
    if (arranged.has_panel)
        build_control_panel(panel_controls(screen, ctx, catalog, arranged.settings_behind_one_button), ctx,
                            arranged.panel, &m_frame, arranged.shape);

    m_shown_minute = now / 60;
    m_built_ms = m_clock.monotonic_ms();
    m_dirty = false;
}

const DrawList& KioskUi::frame()
{
    if (m_dirty)
        rebuild();
    return m_frame;
}

void KioskUi::pointer(const PointerEvent& event)
{
    if (m_clock.monotonic_ms() < m_touches_ignored_until_ms)
        return; // the recognizer was cancelled when the window began
    m_last_input_ms = m_clock.monotonic_ms();
    m_at_home = false;
    const std::string before = m_taps.pressed_target();
    const auto tapped = m_taps.handle(event, frame(), m_clock.monotonic_ms());
    if (m_taps.pressed_target() != before)
        m_dirty = true;
    if (tapped) {
        m_lit_target = *tapped;
        m_lit_until_ms = m_clock.monotonic_ms() + tap_light_ms;
        handle_tap(*tapped);
    }
}

void KioskUi::handle_tap(const std::string& id)
{
    m_dirty = true;
    if (id.starts_with(text_size_prefix)) {
        for (TextSize size : {TextSize::Normal, TextSize::Large, TextSize::ExtraLarge})
            if (id == text_size_id(size))
                m_text_size = size;
        return;
    }
    if (id.starts_with(language_prefix)) {
        const std::string language = id.substr(language_prefix.size());
        if (m_catalogs.has(language))
            m_language = language;
        return;
    }
    if (id == settings_open_id) {
        std::vector<LanguageChoice> languages;
        for (const Catalog& each : m_catalogs.all())
            languages.push_back({each.language(), each.native_name()});
        apply(ScreenAction::push(std::make_unique<SettingsScreen>(languages, m_stack.back()->offers_staff_entry())));
        return;
    }
    if (id == staff_entry_id) {
        // From the settings screen the pad takes its place: "back" leads to Today.
        auto pad = std::make_unique<PinPadScreen>(m_settings.staff_idle_ms);
        apply(screen_name() == "settings" ? ScreenAction::replace(std::move(pad))
                                          : ScreenAction::push(std::move(pad)));
        return;
    }
    const Catalog& catalog = m_catalogs.get(m_language);
    const Metrics metrics = current_metrics();
    const LocalDateTime local_now = m_zone.to_local(m_clock.now());
    apply(m_stack.back()->on_tap(id, context(catalog, metrics, local_now)));
}

void KioskUi::apply(ScreenAction action)
{
    switch (action.kind) {
    case ScreenAction::Kind::Push:
        m_stack.push_back(std::move(action.next));
        break;
    case ScreenAction::Kind::Pop:
        if (m_stack.size() > 1)
            m_stack.pop_back();
        break;
    case ScreenAction::Kind::Replace:
        if (m_stack.size() > 1)
            m_stack.pop_back();
        m_stack.push_back(std::move(action.next));
        break;
    case ScreenAction::Kind::Home:
        go_home();
        break;
    case ScreenAction::Kind::Finish:
        // The flow's screens (and what was typed in them) go now.
        m_stack.clear();
        m_stack.push_back(std::make_unique<TodayScreen>());
        m_stack.push_back(std::move(action.next));
        break;
    case ScreenAction::Kind::BackTo:
        while (m_stack.size() > 1 && m_stack.back()->name() != action.target)
            m_stack.pop_back();
        break;
    case ScreenAction::Kind::None:
        break;
    }
    m_dirty = true;
}

void KioskUi::go_home()
{
    m_stack.clear();
    m_stack.push_back(std::make_unique<TodayScreen>());
    m_taps.cancel();
    m_dirty = true;
}

void KioskUi::reset_to_home()
{
    go_home();
    m_language = m_settings.default_language;
    m_text_size = m_settings.default_text_size;
    m_at_home = true;
}

void KioskUi::ignore_touches_after_unasked_change()
{
    m_taps.cancel();
    m_touches_ignored_until_ms = m_clock.monotonic_ms() + unasked_change_guard_ms;
}

std::optional<MonotonicMs> KioskUi::next_deadline_ms() const
{
    if (m_at_home)
        return std::nullopt;
    const Screen& top = *m_stack.back();
    if (const auto closes = top.closes_after_ms())
        return m_last_input_ms + *closes;
    if (top.holds_personal_data())
        return m_last_input_ms + m_settings.ask_to_continue_after_ms;
    return m_last_input_ms + m_settings.idle_timeout_ms;
}

void KioskUi::tick()
{
    const MonotonicMs now_ms = m_clock.monotonic_ms();
    if (!m_lit_target.empty() && now_ms >= m_lit_until_ms) {
        m_lit_target.clear();
        m_dirty = true;
    }
    if (const auto deadline = next_deadline_ms(); deadline && now_ms >= *deadline) {
        const Screen& top = *m_stack.back();
        if (top.holds_personal_data() && !top.closes_after_ms()) {
            // Asked, not wiped: the visitor may only be reading or looking for a letter.
            m_stack.push_back(std::make_unique<ContinueScreen>(m_settings.answer_ms));
            m_last_input_ms = now_ms;
            m_dirty = true;
        } else if (top.closes_to_previous()) {
            apply(ScreenAction::pop());
        } else if (top.closes_after_ms()) {
            // A thank-you closing ends the flow; the visitor's choices wait for the idle reset.
            go_home();
        } else {
            reset_to_home();
        }
        ignore_touches_after_unasked_change();
    }
    const UnixSeconds minute = m_clock.now() / 60;
    if (minute != m_shown_minute)
        m_dirty = true;
    if (const auto every = m_stack.back()->refreshes_every_ms(); every && now_ms - m_built_ms >= *every)
        m_dirty = true;
    if (minute != m_closing_checked_minute) {
        m_closing_checked_minute = minute;
        m_data.visits.close_visits_if_due();
    }
    if (m_data.storage != nullptr && m_data.storage->check_again_if_due())
        m_dirty = true;
}

MonotonicMs KioskUi::wait_budget_ms() const
{
    const UnixSeconds now = m_clock.now();
    MonotonicMs budget = (60 - now % 60) * 1000;
    const MonotonicMs now_ms = m_clock.monotonic_ms();
    if (const auto deadline = next_deadline_ms())
        budget = std::min(budget, std::max<MonotonicMs>(0, *deadline - now_ms));
    if (const auto every = m_stack.back()->refreshes_every_ms())
        budget = std::min(budget, std::max<MonotonicMs>(0, m_built_ms + *every - now_ms));
    if (!m_lit_target.empty())
        budget = std::min(budget, std::max<MonotonicMs>(0, m_lit_until_ms - now_ms));
    if (m_data.storage != nullptr)
        if (const auto check = m_data.storage->next_check_ms())
            budget = std::min(budget, std::max<MonotonicMs>(0, *check - now_ms));
    return budget;
}

} // namespace olohuone::ui
