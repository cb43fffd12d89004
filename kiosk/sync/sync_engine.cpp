#include "sync/sync_engine.h"

#include <sys/statvfs.h>

#include <filesystem>

#include "core/log.h"
#include "store/outbox.h"
#include "store/sync_state.h"
#include "sync/sync_messages.h"

namespace olohuone::sync {
namespace {

constexpr int set_aside_logged_per_pass = 20;

std::int64_t free_disk_bytes(const std::string& database_path)
{
    std::error_code error;
    const std::filesystem::path folder = std::filesystem::absolute(database_path, error).parent_path();
    struct statvfs space {};
    if (error || statvfs(folder.c_str(), &space) != 0)
        return 0;
    return static_cast<std::int64_t>(space.f_bavail) * static_cast<std::int64_t>(space.f_frsize);
}

bool is_server_error(long status) { return status == 408 || status == 429 || status >= 500; }

} // namespace

SyncEngine::SyncEngine(SyncSettings settings, std::string database_path, const Clock& clock,
                       ProgrammeCheck check_programme, std::function<void()> on_programme_changed)
    : m_settings(std::move(settings)), m_database_path(std::move(database_path)), m_clock(clock),
      m_check_programme(std::move(check_programme)), m_on_programme_changed(std::move(on_programme_changed)),
      m_client(m_settings.trust, m_settings.limits, m_settings.token, m_stopping),
      m_started_ms(clock.monotonic_ms()), m_random(std::random_device{}())
{
}

SyncEngine::~SyncEngine() { stop(); }

void SyncEngine::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { loop(); });
}

void SyncEngine::stop()
{
    m_stopping = true;
    m_wakeup.nudge();
    if (m_thread.joinable())
        m_thread.join();
}

SyncStatus SyncEngine::status() const
{
    std::lock_guard lock(m_status_mutex);
    return m_status;
}

Result<store::Store*> SyncEngine::database()
{
    if (!m_store) {
        auto opened = store::Store::open(m_database_path);
        if (!opened)
            return opened.error();
        m_store.emplace(std::move(opened.value()));
    }
    return &*m_store;
}

SyncPass SyncEngine::run_once()
{
    SyncPass pass;
    auto store = database();
    if (!store) {
        pass.problem_kind = SyncProblem::LocalStore;
        pass.problem = "cannot open the database: " + store.error().message;
        note_pass(pass, nullptr);
        return pass;
    }
    sql::Database& database = store.value()->database();
    upload(database, pass);
    // Right after the records: a visitor waiting at the screen for their place learns it
    // from this answer.
    // A problem with the places alone keeps neither the programme nor the heartbeat
    // from the server; staff see it once the rest went through.
    SyncPass places;
    if (pass.ok() && !m_stopping) {
        fetch_places(database, places);
        pass.server_answered = pass.server_answered || places.server_answered;
    }
    if (pass.ok() && !m_stopping)
        fetch_programme(database, pass);
    if (pass.ok() && !m_stopping)
        send_heartbeat_if_due(database, pass);
    if (pass.ok() && !places.ok()) {
        pass.problem = places.problem;
        pass.problem_kind = places.problem_kind;
        pass.retry_after_seconds = places.retry_after_seconds;
    }
    note_pass(pass, &database);
    return pass;
}

// True for an answer the step can act on; otherwise notes in `pass` why not.
bool SyncEngine::answered_usably(const Result<HttpResponse>& response, SyncPass& pass, const char* what)
{
    if (!response) {
        pass.problem_kind = SyncProblem::Unreachable;
        pass.problem = std::string("cannot reach the server (") + what + "): " + response.error().message;
        return false;
    }
    pass.server_answered = true;
    const long status = response->status;
    if (status == 401 || status == 403) {
        pass.problem_kind = SyncProblem::Refused;
        pass.problem = std::string("the server refused this kiosk (") + what + ", "
            + error_message(response->body, status) + "); check [sync] token_file and site. Records are kept.";
        return false;
    }
    if (is_server_error(status)) {
        pass.problem_kind = SyncProblem::ServerFault;
        pass.problem = std::string("the server could not answer (") + what + ", " + error_message(response->body, status)
            + ")";
        pass.retry_after_seconds = parse_retry_after(response->retry_after, m_clock.now());
        return false;
    }
    return true;
}

void SyncEngine::upload(sql::Database& database, SyncPass& pass)
{
    while (!m_stopping) {
        auto records = store::outbox_next(database, m_settings.batch_size);
        if (!records) {
            pass.problem_kind = SyncProblem::LocalStore;
            pass.problem = "cannot read the outbox: " + records.error().message;
            return;
        }
        if (records->empty() || !deliver(database, records.value(), pass))
            return;
    }
}

bool SyncEngine::deliver(sql::Database& database, const std::vector<store::OutboxRecord>& records, SyncPass& pass)
{
    const auto response = m_client.send(
        {HttpRequest::Method::Post, url("/v1/records"), batch_body(records), std::string()});
    if (!answered_usably(response, pass, "records"))
        return false;
    const long status = response->status;
    const bool refused_whole = status == 400 || status == 413 || status == 422;
    const bool from_this_server = error_message(response->body, status) != "HTTP " + std::to_string(status);
    if (refused_whole && from_this_server) {
        // The server refused the batch as a whole: halve it until the record it cannot
        // take is alone, and set that one aside with the server's reason.
        if (records.size() > 1) {
            const auto middle = records.begin() + static_cast<std::ptrdiff_t>(records.size() / 2);
            return deliver(database, {records.begin(), middle}, pass)
                && deliver(database, {middle, records.end()}, pass);
        }
        const std::vector<store::OutboxOutcome> refused = {{records.front().key, error_message(response->body, status)}};
        if (auto settled = store::settle_outbox(database, refused, m_clock.now()); !settled) {
            pass.problem_kind = SyncProblem::LocalStore;
            pass.problem = "cannot note a refused record: " + settled.error().message;
            return false;
        }
        log::warning("sync: the server refused record " + records.front().key + " (" + records.front().kind
                     + "): " + *refused.front().refused_reason + "; set aside for staff");
        ++pass.set_aside;
        return true;
    }
    if (status != 200) {
        pass.problem_kind = SyncProblem::BadAnswer;
        pass.problem = "unexpected answer to records: " + error_message(response->body, status);
        return false;
    }
    auto outcomes = read_batch_answer(response->body, records);
    if (!outcomes) {
        // Nothing is marked: the records go again, and the server knows them by key.
        pass.problem_kind = SyncProblem::BadAnswer;
        pass.problem = outcomes.error().message;
        return false;
    }
    if (auto settled = store::settle_outbox(database, outcomes.value(), m_clock.now()); !settled) {
        pass.problem_kind = SyncProblem::LocalStore;
        pass.problem = "cannot note delivered records: " + settled.error().message;
        return false;
    }
    for (const store::OutboxOutcome& outcome : outcomes.value()) {
        if (!outcome.refused_reason) {
            ++pass.delivered;
            continue;
        }
        if (pass.set_aside++ < set_aside_logged_per_pass)
            log::warning("sync: the server refused record " + outcome.key + ": " + *outcome.refused_reason
                         + "; set aside for staff");
    }
    return true;
}

void SyncEngine::fetch_places(sql::Database& database, SyncPass& pass)
{
    const auto response = m_client.send(
        {HttpRequest::Method::Get, url("/v1/sites/" + std::to_string(m_settings.site) + "/places"), std::string(), ""});
    if (!answered_usably(response, pass, "places"))
        return;
    if (response->status == 404) {
        // A server from before places were shared: each kiosk decides its own.
        const std::lock_guard lock(m_status_mutex);
        m_status.places_shared = false;
        return;
    }
    if (response->status != 200) {
        pass.problem_kind = SyncProblem::BadAnswer;
        pass.problem = "unexpected answer to the places: " + error_message(response->body, response->status);
        return;
    }
    auto places = read_places_answer(response->body);
    if (!places) {
        pass.problem_kind = SyncProblem::BadAnswer;
        pass.problem = "the server's places were not taken: " + places.error().message;
        return;
    }
    store::ActivityLog log(database);
    auto moves = log.take_site_places(places.value(), m_clock.now());
    if (!moves) {
        pass.problem_kind = SyncProblem::LocalStore;
        pass.problem = "cannot store the server's places: " + moves.error().message;
        return;
    }
    {
        const std::lock_guard lock(m_status_mutex);
        m_status.places_shared = true;
    }
    if (moves.value() > 0)
        log::info("sync: the server's decision of the site's places moved " + std::to_string(moves.value())
                  + " of this kiosk's registrations");
}

void SyncEngine::fetch_programme(sql::Database& database, SyncPass& pass)
{
    auto state = store::read_sync_state(database);
    if (!state) {
        pass.problem_kind = SyncProblem::LocalStore;
        pass.problem = "cannot read the sync state: " + state.error().message;
        return;
    }
    const auto response
        = m_client.send({HttpRequest::Method::Get, url("/v1/sites/" + std::to_string(m_settings.site) + "/programme"),
                         std::string(), state->programme_etag});
    if (!answered_usably(response, pass, "programme"))
        return;
    if (response->status == 304) {
        // Staff's edits delivered before now are in this programme or lost to a later
        // change on the server: either way the kiosk stops laying them over it.
        if (auto noted = store::note_programme_current(database); !noted) {
            pass.problem_kind = SyncProblem::LocalStore;
            pass.problem = "cannot note the programme check: " + noted.error().message;
        }
        return;
    }
    if (response->status != 200) {
        pass.problem_kind = SyncProblem::BadAnswer;
        pass.problem = "unexpected answer to the programme: " + error_message(response->body, response->status);
        return;
    }
    auto calendars = read_programme_answer(response->body);
    auto checked = calendars ? m_check_programme(calendars.value()) : Result<void>(calendars.error());
    if (!checked) {
        // The programme on screen stays; the same download is refused again next time.
        pass.problem_kind = SyncProblem::BadAnswer;
        pass.problem = "the server's programme was not taken: " + checked.error().message;
        return;
    }
    if (auto stored = store::replace_server_programme(database, calendars.value(), response->etag, m_clock.now());
        !stored) {
        pass.problem_kind = SyncProblem::LocalStore;
        pass.problem = "cannot store the server's programme: " + stored.error().message;
        return;
    }
    pass.programme_changed = true;
    if (calendars->empty())
        log::info("sync: the server has no programme for this site; the bundled one is shown");
    else
        log::info("sync: new programme from the server, " + std::to_string(calendars->size()) + " calendars");
    if (m_on_programme_changed)
        m_on_programme_changed();
}

void SyncEngine::send_heartbeat_if_due(sql::Database& database, SyncPass& pass)
{
    const MonotonicMs now_ms = m_clock.monotonic_ms();
    const bool clock_synced = m_clock.synchronised();
    // The first heartbeat after the clock was set goes at once: it is what lets the
    // server correct the times of the records made before.
    const bool clock_newly_set = clock_synced && !m_last_heartbeat_clock_synced;
    if (m_last_heartbeat_ms && now_ms - *m_last_heartbeat_ms < m_settings.heartbeat_seconds * 1000LL
        && !clock_newly_set)
        return;
    auto state = store::read_sync_state(database);
    auto queued = store::outbox_waiting(database);
    const Heartbeat heartbeat{m_settings.version,
                              (now_ms - m_started_ms) / 1000,
                              queued ? queued.value() : 0,
                              state ? state->last_success_at : std::nullopt,
                              free_disk_bytes(m_database_path),
                              m_clock.now(),
                              clock_synced,
                              m_clock.since_boot()};
    const auto response
        = m_client.send({HttpRequest::Method::Post, url("/v1/heartbeat"), heartbeat_body(heartbeat), std::string()});
    if (!answered_usably(response, pass, "heartbeat"))
        return;
    if (response->status != 200) {
        pass.problem_kind = SyncProblem::BadAnswer;
        pass.problem = "unexpected answer to the heartbeat: " + error_message(response->body, response->status);
        return;
    }
    m_last_heartbeat_ms = now_ms;
    m_last_heartbeat_clock_synced = clock_synced;
    if (auto noted = store::note_heartbeat(database, m_clock.now()); !noted)
        log::warning("sync: cannot note the heartbeat: " + noted.error().message);
}

void SyncEngine::note_pass(const SyncPass& pass, sql::Database* database)
{
    const UnixSeconds now = m_clock.now();
    std::optional<std::int64_t> queued;
    std::optional<std::int64_t> set_aside;
    if (database != nullptr) {
        if (pass.ok())
            if (auto noted = store::note_sync_success(*database, now); !noted)
                log::warning("sync: cannot note the sync: " + noted.error().message);
        if (auto waiting = store::outbox_waiting(*database))
            queued = waiting.value();
        if (auto refused = store::outbox_set_aside_count(*database))
            set_aside = refused.value();
    }
    std::string previous_problem;
    {
        std::lock_guard lock(m_status_mutex);
        previous_problem = m_status.last_problem;
        if (pass.ok())
            m_status.last_success_at = now;
        if (pass.server_answered) {
            m_status.last_contact_at = now;
            ++m_status.server_answers;
        }
        m_status.last_problem = pass.problem;
        m_status.last_problem_kind = pass.problem_kind;
        m_status.queued = queued.value_or(m_status.queued);
        m_status.set_aside = set_aside.value_or(m_status.set_aside);
    }
    // Each problem is logged when it starts and when it ends, not on every retry.
    if (!pass.ok() && pass.problem != previous_problem)
        log::error("sync: " + pass.problem);
    if (pass.ok() && !previous_problem.empty())
        log::info("sync: the server is reachable again");
    if (pass.delivered > 0)
        log::info("sync: delivered " + std::to_string(pass.delivered) + " records");
}

void SyncEngine::loop()
{
    int failures = 0;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    while (!m_stopping) {
        const SyncPass pass = run_once();
        failures = pass.ok() ? 0 : failures + 1;
        int wait_seconds = pass.ok() ? m_settings.interval_seconds
                                     : retry_delay_seconds(m_settings.retry, failures, unit(m_random));
        if (pass.retry_after_seconds)
            wait_seconds = std::max(wait_seconds, *pass.retry_after_seconds);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
        while (!m_stopping) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                break;
            const Wakeup::Reason reason = m_wakeup.wait(left);
            // A nudge or a network that came back ends the wait; a server that asked
            // for a pause (Retry-After) still gets it.
            if (reason != Wakeup::Reason::TimeUp && !pass.retry_after_seconds)
                break;
        }
    }
}

} // namespace olohuone::sync
