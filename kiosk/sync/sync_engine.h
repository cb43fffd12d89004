#pragma once
// The kiosk's side of the sync (docs/api.md): on a thread of its own with its own
// database connection, it delivers the outbox in batches, fetches the site's programme
// when it changed, and sends heartbeats. The screens never wait on the network: they
// read the status and the stored programme.
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/programme_import.h"
#include "core/result.h"
#include "store/outbox.h"
#include "store/store.h"
#include "sync/http_client.h"
#include "sync/retry_timing.h"
#include "sync/wakeup.h"

namespace olohuone::sync {

struct SyncSettings {
    std::string server_url; // "https://host:port", no path
    std::int64_t site = 0;
    std::string token;
    TlsTrust trust;
    HttpLimits limits;
    int interval_seconds = 30;
    int batch_size = 200;
    int heartbeat_seconds = 300;
    RetryPolicy retry;
    std::string version;
};

// Which kind of trouble stopped a pass, for staff; `problem` has the details for the log.
enum class SyncProblem { None, Unreachable, Refused, ServerFault, BadAnswer, LocalStore };

// What one pass achieved. `problem` is empty when every step went through.
struct SyncPass {
    int delivered = 0;
    int set_aside = 0;
    bool programme_changed = false;
    bool server_answered = false; // some HTTP answer came back, whatever it said
    std::optional<int> retry_after_seconds;
    std::string problem;
    SyncProblem problem_kind = SyncProblem::None;
    bool ok() const { return problem.empty(); }
};

// For staff, and for the public screen's offline indicator.
struct SyncStatus {
    std::optional<UnixSeconds> last_success_at; // a whole pass went through
    std::optional<UnixSeconds> last_contact_at; // the server last answered at all
    std::int64_t server_answers = 0;            // passes in which it answered, counted
    std::string last_problem;                   // empty after a good pass
    SyncProblem last_problem_kind = SyncProblem::None;
    std::int64_t queued = 0;
    std::int64_t set_aside = 0;
    // Whether the server shares the site's places (GET places answered); none until it
    // has answered once, false for a server from before it did.
    std::optional<bool> places_shared;
};

// Checks a downloaded programme before it replaces the stored one.
using ProgrammeCheck = std::function<Result<void>(const std::vector<CalendarFile>&)>;

class SyncEngine {
public:
    // `on_programme_changed` runs on the sync thread after a new programme is stored.
    SyncEngine(SyncSettings settings, std::string database_path, const Clock& clock, ProgrammeCheck check_programme,
               std::function<void()> on_programme_changed);
    ~SyncEngine(); // stops the thread, aborting a transfer under way
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    void start();
    void stop();
    // Try now rather than at the next interval ("sync now"; the network is known back).
    void sync_soon() { m_wakeup.nudge(); }

    // One pass on the calling thread: for the thread's loop and for tests. Not to be
    // called while the thread runs.
    SyncPass run_once();

    SyncStatus status() const;
    const std::string& server_url() const { return m_settings.server_url; }

private:
    Result<store::Store*> database();
    void upload(sql::Database& database, SyncPass& pass);
    bool deliver(sql::Database& database, const std::vector<store::OutboxRecord>& records, SyncPass& pass);
    void fetch_places(sql::Database& database, SyncPass& pass);
    void fetch_programme(sql::Database& database, SyncPass& pass);
    void send_heartbeat_if_due(sql::Database& database, SyncPass& pass);
    bool answered_usably(const Result<HttpResponse>& response, SyncPass& pass, const char* what);
    // `database` is null when it could not be opened.
    void note_pass(const SyncPass& pass, sql::Database* database);
    void loop();
    std::string url(const std::string& path) const { return m_settings.server_url + path; }

    SyncSettings m_settings;
    std::string m_database_path;
    const Clock& m_clock;
    ProgrammeCheck m_check_programme;
    std::function<void()> m_on_programme_changed;
    std::atomic<bool> m_stopping{false};
    HttpClient m_client;
    Wakeup m_wakeup;
    std::optional<store::Store> m_store; // opened on first use, on the sync's thread
    MonotonicMs m_started_ms;
    std::optional<MonotonicMs> m_last_heartbeat_ms;
    bool m_last_heartbeat_clock_synced = false;
    std::minstd_rand m_random;
    std::thread m_thread;

    mutable std::mutex m_status_mutex;
    SyncStatus m_status;
};

} // namespace olohuone::sync
