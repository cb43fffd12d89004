#include "offscreen_kiosk.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <unistd.h>

#include "core/text_limits.h"
#include "core/visitor_name.h"
#include "ui/screens/keyboard.h"
#include "support/test_paths.h"

namespace olohuone::testing {
namespace {

constexpr std::int64_t tap_press_ms = 120; // how long tap() holds a finger down

// Drawn text with its no-break spaces (which bind "5 / 10") read as spaces.
std::string as_read(std::string text)
{
    for (std::size_t at = text.find("\u00A0"); at != std::string::npos; at = text.find("\u00A0", at))
        text.replace(at, 2, " ");
    return text;
}

std::filesystem::path fresh_state_dir()
{
    static std::atomic<int> counter{0};
    auto dir = std::filesystem::temp_directory_path()
        / ("olohuone-ui-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

UnixSeconds helsinki(const LocalDateTime& local) { return TimeZone::named("Europe/Helsinki").value().to_instant(local); }

template <typename T>
std::unique_ptr<T> take(Result<T> result, const char* what)
{
    if (!result) {
        ADD_FAILURE() << what << ": " << result.error().message;
        std::abort();
    }
    return std::make_unique<T>(std::move(result.value()));
}

} // namespace

OffscreenKiosk::OffscreenKiosk(const KioskSetup& setup)
    : m_setup(setup), m_state_dir(setup.state_dir.empty() ? fresh_state_dir() : setup.state_dir),
      m_clock(helsinki(setup.at))
{
    m_runtime = take(ui::sdl::SdlRuntime::start(ui::sdl::VideoUse::OffscreenOnly), "SDL");
    app::KioskConfig config = app::default_config();
    config.content_dir = std::string(olohuone::test::source_dir()) + "/content";
    config.fonts_config = std::string(olohuone::test::source_dir()) + "/fonts/fonts.toml";
    config.state_dir = m_state_dir.string();
    config.diagonal_inches = setup.diagonal_inches;
    auto services = app::KioskServices::start(config, m_kiosk_clock);
    if (!services) {
        ADD_FAILURE() << services.error().message;
        std::abort();
    }
    m_services = std::move(services.value());
    // Staff's "Aseta kellonaika" moves the test's clock where the kiosk would ask
    // systemd-timedated to move the system's (which a test must not touch).
    m_services->allow_setting_the_clock(m_kiosk_clock, [this](UnixSeconds at) {
        m_clock.set(at);
        return Result<void>();
    });
    m_fonts = take(ui::sdl::FontLibrary::load(config.fonts_config), "fonts");
    m_display = take(ui::sdl::OffscreenDisplay::create(setup.width, setup.height, setup.rotation), "display");
    m_text = std::make_unique<ui::sdl::TextCache>(*m_fonts, m_display->renderer());
    m_images = std::make_unique<ui::sdl::ImageCache>(m_display->renderer());
    m_canvas = std::make_unique<ui::sdl::Canvas>(m_display->renderer(), *m_text, *m_images);
    const ui::KioskUiSettings settings = m_services->ui_settings(width(), height(), 0);
    m_dpi = settings.dpi;
    m_ui = std::make_unique<ui::KioskUi>(settings, m_services->catalogs(), m_services->zone(), m_services->data(),
                                         *m_text, m_kiosk_clock);
    m_loop = std::make_unique<ui::sdl::EventLoop>(*m_display, *m_ui, *m_canvas);
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    m_loop->pump();
}

OffscreenKiosk::~OffscreenKiosk()
{
    m_services->watch_sync(nullptr);
    m_sync.reset();
    m_loop.reset();
    m_ui.reset();
    m_canvas.reset();
    m_images.reset();
    m_text.reset();
    m_display.reset();
    m_fonts.reset();
    m_services.reset();
    m_runtime.reset();
    std::error_code ignored;
    if (!m_setup.keep_state_dir)
        std::filesystem::remove_all(m_state_dir, ignored);
}

void OffscreenKiosk::push_finger(Uint32 type, ui::Point on_glass)
{
    SDL_Event event{};
    event.type = type;
    event.tfinger.touchId = 1;
    event.tfinger.fingerId = 7;
    event.tfinger.x = static_cast<float>(on_glass.x) / static_cast<float>(m_setup.width);
    event.tfinger.y = static_cast<float>(on_glass.y) / static_cast<float>(m_setup.height);
    event.tfinger.pressure = 1.0f;
    ASSERT_EQ(SDL_PushEvent(&event), 1) << SDL_GetError();
    m_loop->pump();
}

void OffscreenKiosk::touch_down(ui::Point at) { push_finger(SDL_FINGERDOWN, m_display->orientation().to_glass(at)); }
void OffscreenKiosk::touch_move(ui::Point to) { push_finger(SDL_FINGERMOTION, m_display->orientation().to_glass(to)); }
void OffscreenKiosk::touch_up(ui::Point at) { push_finger(SDL_FINGERUP, m_display->orientation().to_glass(at)); }

void OffscreenKiosk::tap_glass(ui::Point on_glass)
{
    push_finger(SDL_FINGERDOWN, on_glass);
    m_clock.advance_ms(120);
    push_finger(SDL_FINGERUP, on_glass);
}

ui::Point OffscreenKiosk::center_of(const std::string& id)
{
    const ui::TouchTarget* target = frame().find_target(id);
    EXPECT_NE(target, nullptr) << "no target '" << id << "' on screen '" << m_ui->screen_name() << "'";
    return target ? target->drawn.center() : ui::Point{-1, -1};
}

void OffscreenKiosk::tap(const std::string& id)
{
    const ui::Point at = center_of(id);
    touch_down(at);
    m_clock.advance_ms(tap_press_ms);
    touch_up(at);
}

void OffscreenKiosk::choose(const std::string& id)
{
    // At the largest text on a portrait screen the staff button gives way; staff tap the
    // smallest "A" to bring it back.
    if (id == "staff/enter" && !has_target(id) && has_target("size/normal")) {
        tap("size/normal");
        advance_ms(600);
    }
    if (has_target(id) || !has_target("settings/open")) {
        EXPECT_TRUE(has_target(id)) << id << " is not offered on " << ui().screen_name() << ": " << screen_text();
        tap(id);
        return;
    }
    advance_ms(600); // a pause, as a person's: the last tap may have been on this spot
    tap("settings/open");
    advance_ms(600);
    tap(id);
    if (ui().screen_name() == "settings") {
        advance_ms(600);
        tap("settings/done");
        advance_ms(600); // the next tap may fall where "Takaisin" was
    }
}

void OffscreenKiosk::tap_shakily(const std::string& id, int times)
{
    const ui::Point at = center_of(id);
    for (int i = 0; i < times; ++i) {
        touch_down(at);
        touch_up(at);
        advance_ms(60);
    }
}

void OffscreenKiosk::type(const std::string& text, std::int64_t ms_per_key)
{
    for (const std::string& character : utf8_characters(fold_name(text))) {
        // A letter on the keyboard's other page is a tap on the page key away.
        if (!has_target(ui::key_id_for(character)) && has_target(std::string(ui::page_key_id))) {
            tap(std::string(ui::page_key_id));
            advance_ms(ms_per_key - tap_press_ms);
        }
        tap(ui::key_id_for(character));
        advance_ms(ms_per_key - tap_press_ms);
    }
}

void OffscreenKiosk::refuse_writes(bool refuse)
{
    ASSERT_TRUE(
        m_services->store().database().execute_script(refuse ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF")
            .ok());
}

void OffscreenKiosk::sync_with_unreachable_server()
{
    sync::SyncSettings settings;
    settings.server_url = "https://127.0.0.1:9"; // the discard port: refused at once
    settings.site = 1;
    settings.token = std::string(43, 'A');
    m_sync = std::make_unique<sync::SyncEngine>(
        settings, m_services->database_path(), m_kiosk_clock,
        [](const std::vector<CalendarFile>&) { return Result<void>(); }, nullptr);
    m_services->watch_sync(m_sync.get());
    const sync::SyncPass pass = m_sync->run_once();
    ASSERT_FALSE(pass.server_answered) << "nothing should answer on port 9";
}

void OffscreenKiosk::sync_with(sync::SyncSettings settings)
{
    app::KioskServices& services = *m_services;
    m_sync = std::make_unique<sync::SyncEngine>(
        std::move(settings), services.database_path(), m_kiosk_clock,
        [&services](const std::vector<CalendarFile>& calendars) { return services.programme().check(calendars); },
        [&services] { services.programme().notice_new_calendars(); });
    m_services->watch_sync(m_sync.get());
    m_sync->start();
}

void OffscreenKiosk::advance_ms(std::int64_t ms)
{
    // As the real loop does: it wakes when the screen has something due (a thank-you
    // closing, the idle reset, the next minute), so what happens then happens on time.
    if (ms <= 0)
        m_loop->pump();
    while (ms > 0) {
        const std::int64_t step = std::clamp<std::int64_t>(m_ui->wait_budget_ms(), 1, ms);
        m_clock.advance_ms(step);
        m_loop->pump();
        ms -= step;
    }
}

std::string OffscreenKiosk::target_showing(const std::string& needle, const std::string& id_prefix)
{
    for (const ui::TextCommand& text : frame().texts()) {
        if (as_read(text.text).find(needle) == std::string::npos)
            continue;
        for (const ui::TouchTarget& target : frame().targets())
            if (target.id.starts_with(id_prefix) && target.drawn.contains(text.origin))
                return target.id;
    }
    ADD_FAILURE() << "no '" << id_prefix << "' target showing '" << needle << "' on screen '"
                  << m_ui->screen_name() << "'";
    return {};
}

std::vector<std::string> OffscreenKiosk::targets_starting(const std::string& id_prefix)
{
    std::vector<std::string> ids;
    for (const ui::TouchTarget& target : frame().targets())
        if (target.id.starts_with(id_prefix))
            ids.push_back(target.id);
    return ids;
}

std::string OffscreenKiosk::screen_text()
{
    // As a reader sees it: lines wrapped apart read on, and a no-break space is a space.
    std::string screen;
    for (const ui::TextCommand& text : frame().texts())
        screen += as_read(text.text) + " ";
    return screen;
}

bool OffscreenKiosk::shows_text(const std::string& needle) { return screen_text().find(needle) != std::string::npos; }

} // namespace olohuone::testing
