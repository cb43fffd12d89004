// In-process timings of the kiosk's hot paths, on the bundled content:
// importing the programme, reading a day from the SQLite cache, laying out the Today
// screen, drawing it with the software renderer, and the visitor suggestions one
// keystroke asks for with 100 000 past visitors in the store.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <random>

#include <unistd.h>

#include "app/content.h"
#include "app/kiosk_services.h"
#include "core/day_plan.h"
#include "core/visitor_name.h"
#include "core/programme_import.h"
#include "ui/sdl/canvas.h"
#include "ui/sdl/display.h"
#include "ui/sdl/font_library.h"
#include "ui/sdl/sdl_runtime.h"

namespace {

using namespace olohuone;

const std::string content_dir = std::string(OLOHUONE_SOURCE_DIR) + "/content";
const LocalDateTime reference_time{{2026, 11, 24}, {10, 15, 0}};

const TimeZone& helsinki()
{
    static const TimeZone zone = TimeZone::named("Europe/Helsinki").value();
    return zone;
}

void BM_ImportProgramme(benchmark::State& state)
{
    const auto files = app::read_calendar_files(content_dir).value();
    const CivilDate today = reference_time.date;
    const ImportWindow window{helsinki().start_of_day(today.plus_days(-1)), helsinki().start_of_day(today.plus_days(21))};
    for (auto _ : state) {
        auto imported = import_programme(files, helsinki(), window);
        benchmark::DoNotOptimize(imported.value().occurrences.data());
    }
}
BENCHMARK(BM_ImportProgramme)->Unit(benchmark::kMillisecond);

// A kiosk assembled as main() does, on a fresh state directory.
struct Kiosk {
    Kiosk()
        : state_dir(std::filesystem::temp_directory_path() / ("olohuone-bench-" + std::to_string(::getpid()))),
          clock(helsinki().to_instant(reference_time))
    {
        std::filesystem::remove_all(state_dir);
        app::KioskConfig config = app::default_config();
        config.content_dir = content_dir;
        config.fonts_config = std::string(OLOHUONE_SOURCE_DIR) + "/fonts/fonts.toml";
        config.state_dir = state_dir.string();
        config.diagonal_inches = 7.0;
        services = std::move(app::KioskServices::start(config, clock).value());
    }
    ~Kiosk() { std::filesystem::remove_all(state_dir); }

    std::filesystem::path state_dir;
    ManualClock clock;
    std::unique_ptr<app::KioskServices> services;
};

void BM_ReadDayFromStore(benchmark::State& state)
{
    Kiosk kiosk;
    for (auto _ : state) {
        auto day = kiosk.services->programme().occurrences_on(reference_time.date);
        benchmark::DoNotOptimize(day.data());
    }
}
BENCHMARK(BM_ReadDayFromStore)->Unit(benchmark::kMicrosecond);

void BM_PlanDay(benchmark::State& state)
{
    Kiosk kiosk;
    const auto occurrences = kiosk.services->programme().occurrences_on(reference_time.date);
    for (auto _ : state) {
        auto plan = plan_day(reference_time.date, occurrences, kiosk.clock.now());
        benchmark::DoNotOptimize(plan.entries.data());
    }
}
BENCHMARK(BM_PlanDay)->Unit(benchmark::kMicrosecond);

// Layout and drawing of the Today screen at 800x480, as on a minute's tick.
class Screen : public benchmark::Fixture {
public:
    void SetUp(benchmark::State&) override
    {
        runtime = std::make_unique<ui::sdl::SdlRuntime>(
            std::move(ui::sdl::SdlRuntime::start(ui::sdl::VideoUse::OffscreenOnly).value()));
        kiosk = std::make_unique<Kiosk>();
        fonts = std::make_unique<ui::sdl::FontLibrary>(
            std::move(ui::sdl::FontLibrary::load(kiosk->services->config().fonts_config).value()));
        display = std::make_unique<ui::sdl::OffscreenDisplay>(std::move(ui::sdl::OffscreenDisplay::create(800, 480).value()));
        text = std::make_unique<ui::sdl::TextCache>(*fonts, display->renderer());
        images = std::make_unique<ui::sdl::ImageCache>(display->renderer());
        canvas = std::make_unique<ui::sdl::Canvas>(display->renderer(), *text, *images);
        ui = std::make_unique<ui::KioskUi>(kiosk->services->ui_settings(800, 480, 0), kiosk->services->catalogs(),
                                           kiosk->services->zone(), kiosk->services->data(), *text,
                                           kiosk->clock);
        ui->resize(800, 480);
        canvas->draw(ui->frame());
    }
    void TearDown(benchmark::State&) override
    {
        ui.reset();
        canvas.reset();
        images.reset();
        text.reset();
        display.reset();
        fonts.reset();
        kiosk.reset();
        runtime.reset();
    }

    std::unique_ptr<ui::sdl::SdlRuntime> runtime;
    std::unique_ptr<Kiosk> kiosk;
    std::unique_ptr<ui::sdl::FontLibrary> fonts;
    std::unique_ptr<ui::sdl::OffscreenDisplay> display;
    std::unique_ptr<ui::sdl::TextCache> text;
    std::unique_ptr<ui::sdl::ImageCache> images;
    std::unique_ptr<ui::sdl::Canvas> canvas;
    std::unique_ptr<ui::KioskUi> ui;
};

BENCHMARK_DEFINE_F(Screen, LayoutToday)(benchmark::State& state)
{
    for (auto _ : state) {
        ui->programme_changed();
        benchmark::DoNotOptimize(ui->frame().texts().data());
    }
}
BENCHMARK_REGISTER_F(Screen, LayoutToday)->Unit(benchmark::kMicrosecond);

BENCHMARK_DEFINE_F(Screen, DrawToday)(benchmark::State& state)
{
    const ui::DrawList& frame = ui->frame();
    for (auto _ : state)
        canvas->draw(frame);
}
BENCHMARK_REGISTER_F(Screen, DrawToday)->Unit(benchmark::kMicrosecond);

} // namespace

// Suggestions while a name is typed, with 100 000 past visitors in the store: what one
// keystroke on the name screen costs (the screen asks from the second letter on).
class ManyVisitors : public benchmark::Fixture {
public:
    void SetUp(const benchmark::State&) override
    {
        if (kiosk)
            return;
        kiosk = std::make_unique<Kiosk>();
        static const char* first_names[] = {"Aino", "Aili", "Ainikki", "Anna", "Anna-Liisa", "Eila", "Elsa",
                                            "Helmi", "Irma", "Juhani", "Kaarina", "Lars", "Leena", "Maija",
                                            "Marjatta", "Markku", "Matti", "Pirkko", "Raili", "Seppo", "Tuula",
                                            "Åsa", "Ülle", "Väinö"};
        static const char* last_names[] = {"Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen",
                                           "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen",
                                           "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen",
                                           "Salonen", "Turunen", "Åberg", "Öhman"};
        std::mt19937 random(7);
        const std::string groups[] = {"resident", "relative", "volunteer", "partner", "other"};
        sql::Database& db = kiosk->services->store().database();
        (void)db.execute_script("PRAGMA synchronous = OFF; BEGIN");
        auto insert = db.prepare("INSERT INTO visitor (key, name, fold_key, public_fold, group_id, created_at, "
                                 "last_seen_at) VALUES (?, ?, ?, ?, ?, 0, ?)");
        for (int i = 0; i < 100'000; ++i) {
            // A number as a third word keeps the names apart without changing how they start.
            const std::string name = std::string(first_names[random() % std::size(first_names)]) + " "
                + last_names[random() % std::size(last_names)] + " " + std::to_string(i);
            insert->reset();
            insert->bind(1, "visitor-" + std::to_string(i))
                .bind(2, name)
                .bind(3, fold_name(name))
                .bind(4, fold_name(public_name(name)))
                .bind(5, groups[random() % 5])
                .bind(6, static_cast<std::int64_t>(random() % 100'000'000));
            (void)insert->run();
        }
        (void)db.execute_script("COMMIT; PRAGMA synchronous = FULL");
    }

    static std::unique_ptr<Kiosk> kiosk;
};
std::unique_ptr<Kiosk> ManyVisitors::kiosk;

BENCHMARK_DEFINE_F(ManyVisitors, SuggestionsPerKeystroke)(benchmark::State& state)
{
    // "ai", "ain", "aino": the keystrokes that ask for suggestions, the widest first.
    static const char* typed[] = {"ai", "ain", "aino", "aino k"};
    const std::string prefix = typed[state.range(0)];
    for (auto _ : state) {
        auto found = kiosk->services->visits().suggestions(prefix, 4);
        benchmark::DoNotOptimize(found.data());
    }
    state.SetLabel("typed '" + prefix + "'");
}
BENCHMARK_REGISTER_F(ManyVisitors, SuggestionsPerKeystroke)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
