#pragma once
// Where the server keeps organisations, sites, kiosks, the records kiosks deliver, the
// sites' programmes and the kiosks' heartbeats. One interface, so a PostgreSQL backend
// can follow the embedded SQLite one; callers never see SQL.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "place_ledger.h"
#include "roll_call_query.h"
#include "attendance_figures.h"
#include "core/civil_time.h"
#include "core/result.h"
#include "event_edit.h"

namespace olohuone::server {

struct KioskIdentity {
    std::int64_t kiosk_id = 0;
    std::int64_t site_id = 0;
};

// A record as validated from a kiosk's batch. `payload` is canonical JSON (sorted keys,
// no spaces) and `content_hash` covers kind, payload and time: a repeat of the same
// record has the same hash, a different record under a used key does not.
struct IncomingRecord {
    std::string key;
    std::string kind;
    std::string payload;
    std::string content_hash;
    UnixSeconds created_at = 0;
    bool clock_synced = false;
};

enum class Delivery {
    Stored,   // new: stored now
    Repeated, // the same record again: acknowledged, nothing stored
    Conflict, // another record under this key: refused, kept aside for staff
};

// A kiosk's programme.edit record as delivered.
struct KioskEditRecord {
    std::int64_t record_id = 0;
    std::int64_t kiosk_id = 0;
    std::string payload; // checked by payload_rules when it arrived
    UnixSeconds received_at = 0;
};

// What became of a kiosk's edit (docs/web.md, "Editing events").
enum class KioskEditOutcome {
    Applied,
    LaterPageEdit,     // the occurrence was changed later on the week page
    LaterKioskEdit,    // … or later on another kiosk (or the same one)
    UnknownOccurrence, // the site's programme has no such occurrence
    Unreadable,        // the edits calendar with it could not be read or would not fit
};

struct KioskEditNotApplied {
    KioskEditRecord record;
    KioskEditOutcome outcome = KioskEditOutcome::UnknownOccurrence;
    std::string title;
};

// One of a site's calendars: uploaded by an admin, the one its feed last delivered, or
// the one the server writes from its coordinators' edits.
enum class CalendarSource { Upload, Feed, Edits };

// The name of the calendar a site's feed fills.
inline constexpr const char* feed_calendar_name = "feed";

struct SiteCalendar {
    std::string name;
    std::string ics;      // empty when read without texts
    std::string ics_hash; // hash_hex(ics), kept with it so an ETag needs no texts
    CalendarSource source = CalendarSource::Upload;
};

struct SiteProgramme {
    std::vector<SiteCalendar> calendars; // by name
    UnixSeconds updated_at = 0;          // the last change to the set of calendars; 0: none yet
};

enum class CalendarTexts { Include, Omit };

// A site's calendar feed and the validators it sent with its last programme.
struct SiteFeed {
    std::int64_t site_id = 0;
    std::string url;
    std::string etag;          // for If-None-Match; empty: none
    std::string last_modified; // for If-Modified-Since; empty: none
};

// A kiosk's clock as a heartbeat reports it (kiosk_clock.h): {"at", "synced", "boot",
// "uptime_ms"}.
struct KioskClock {
    UnixSeconds at = 0;
    bool synced = false;
    std::string boot;
    std::int64_t uptime_ms = 0;
};

// What a kiosk said of itself in its last heartbeat.
struct Heartbeat {
    std::string version;
    std::int64_t uptime_seconds = 0;
    std::int64_t queue_length = 0;
    std::optional<UnixSeconds> last_sync_at;
    std::int64_t free_disk_bytes = 0;
    std::optional<KioskClock> clock = std::nullopt; // older kiosks do not send it
};

struct KioskStatus {
    std::int64_t kiosk_id = 0;
    std::int64_t site_id = 0;
    std::string name;
    bool revoked = false;
    std::optional<UnixSeconds> last_seen_at; // any request, to the minute
    std::optional<UnixSeconds> heartbeat_at;
    std::optional<Heartbeat> heartbeat;
};

struct SiteInfo {
    std::int64_t id = 0;
    std::string name;
    std::int64_t organisation_id = 0;
    std::string organisation;
};

// A coordinator's account for the web pages (docs/web.md). The sites it may see are
// either every site of its organisation (also those added later) or the ones listed.
struct CoordinatorAccount {
    std::int64_t id = 0; // set by the store
    std::string login;   // lower case; what the coordinator types
    std::string password_hash; // crypto_pwhash_str (argon2id): never the password
    std::int64_t organisation_id = 0;
    bool all_sites = false;
    std::vector<std::int64_t> site_ids; // when not all_sites; sorted
    bool disabled = false;
};

// A one-time message the next page shows: what the last form did.
enum class NoticeKind { None, Done, Problem };

// A signed-in coordinator's session. Only the hash of the cookie's token is kept: a
// copy of the database lets no one take over a session.
struct WebSession {
    std::string token_hash;
    std::int64_t coordinator_id = 0;
    std::string csrf_token; // in every form of the session's pages
    UnixSeconds created_at = 0;
    UnixSeconds last_used_at = 0; // to the minute
    NoticeKind notice_kind = NoticeKind::None;
    std::string notice;
};

// A visitor as a site's records name them (olohuonectl server forget).
struct NamedVisitor {
    std::string key; // made by the kiosk: the same person at the same site
    std::string name;
    std::string group;
    std::string marker;
    std::int64_t records = 0; // records that name them
    UnixSeconds last_record_at = 0;
};

class ServerStore {
public:
    virtual ~ServerStore() = default;

    // The site `site` of `organisation` (both made if new); returns the site's id.
    virtual Result<std::int64_t> add_site(const std::string& organisation, const std::string& site) = 0;
    virtual Result<std::int64_t> add_kiosk(std::int64_t site_id, const std::string& name,
                                           const std::string& token_hash) = 0;
    // Stops the kiosk's token from working; false when there is no such kiosk.
    virtual Result<bool> revoke_kiosk(std::int64_t kiosk_id) = 0;

    // The kiosk holding this token, unless revoked; notes (to the minute) that it was
    // heard from.
    virtual Result<std::optional<KioskIdentity>> kiosk_for_token(const std::string& token_hash, UnixSeconds now) = 0;

    // Stores a batch in one transaction, each record once by key; says per record what
    // happened, in order.
    virtual Result<std::vector<Delivery>> deliver(const KioskIdentity& kiosk, const std::vector<IncomingRecord>& records,
                                                  UnixSeconds now) = 0;

    virtual Result<bool> site_exists(std::int64_t site_id) = 0;

    // The site's calendars by name, with or without their texts.
    virtual Result<SiteProgramme> site_programme(std::int64_t site_id, CalendarTexts texts) = 0;
    // Replaces the site's uploaded calendars with `calendars` in one transaction; the
    // feed's calendar stays. A calendar whose text is unchanged keeps its time.
    virtual Result<void> replace_uploaded_calendars(std::int64_t site_id, const std::vector<SiteCalendar>& calendars,
                                                    UnixSeconds now) = 0;

    // Sets the site's feed (a new URL forgets the old one's validators), or removes it
    // and its calendar when `url` is empty.
    virtual Result<void> set_feed(std::int64_t site_id, const std::string& url, UnixSeconds now) = 0;
    virtual Result<std::vector<SiteFeed>> feeds() = 0;
    // Stores what the feed delivered as the site's feed calendar, with the validators
    // to ask with next time, unless the feed was changed or removed meanwhile (false).
    virtual Result<bool> store_feed_calendar(const SiteFeed& feed, const SiteCalendar& calendar, UnixSeconds now) = 0;

    // The site's edits (event_edit.h), oldest first.
    virtual Result<std::vector<EventEdit>> event_edits(std::int64_t site_id) = 0;
    // Changes the site's edits in one transaction: `change` gets them and returns them as
    // they are to be, with the calendar text they make (empty: no edits calendar), or an
    // error that leaves everything as it was.
    struct EditsAndCalendar {
        std::vector<EventEdit> edits;
        std::string ics;
    };
    using EditsChange = std::function<Result<EditsAndCalendar>(std::vector<EventEdit>)>;
    virtual Result<void> change_event_edits(std::int64_t site_id, const EditsChange& change, UnixSeconds now) = 0;

    // Kiosks' programme.edit records (docs/api.md) the server has not yet applied or
    // refused, oldest first; settle_kiosk_edit decides each one once.
    virtual Result<std::vector<KioskEditRecord>> unsettled_kiosk_edits(std::int64_t site_id) = 0;
    // Decides the kiosk edit `record_id` in one transaction: `decide` gets the site's
    // edits and says what became of it, with the edits and calendar to store when it was
    // applied.
    struct KioskEditSettlement {
        KioskEditOutcome outcome = KioskEditOutcome::Applied;
        std::string title; // of the occurrence, as the page names it
        std::optional<EditsAndCalendar> applied;
    };
    using KioskEditDecision = std::function<Result<KioskEditSettlement>(std::vector<EventEdit>)>;
    virtual Result<void> settle_kiosk_edit(std::int64_t site_id, std::int64_t record_id,
                                           const KioskEditDecision& decide, UnixSeconds now) = 0;
    // The kiosk edits that did not come into effect, newest first.
    virtual Result<std::vector<KioskEditNotApplied>> kiosk_edits_not_applied(std::int64_t site_id) = 0;

    virtual Result<void> note_heartbeat(std::int64_t kiosk_id, const Heartbeat& heartbeat, UnixSeconds now) = 0;
    // Every kiosk by id, revoked ones too.
    virtual Result<std::vector<KioskStatus>> kiosks() = 0;

    // Every site by id, with its organisation.
    virtual Result<std::vector<SiteInfo>> sites() = 0;

    // Adds the account (its id is ignored); an error when the login is taken, or a site
    // is not the organisation's.
    virtual Result<std::int64_t> add_coordinator(const CoordinatorAccount& account, UnixSeconds now) = 0;
    virtual Result<std::optional<CoordinatorAccount>> coordinator_by_login(const std::string& login) = 0;
    virtual Result<std::optional<CoordinatorAccount>> coordinator(std::int64_t coordinator_id) = 0;
    // Every account by login, disabled ones too.
    virtual Result<std::vector<CoordinatorAccount>> coordinators() = 0;
    // Stops the account from signing in and ends its sessions; false when there is no
    // such login or it was disabled already.
    virtual Result<bool> disable_coordinator(const std::string& login, UnixSeconds now) = 0;

    virtual Result<void> add_session(const WebSession& session) = 0;
    virtual Result<std::optional<WebSession>> session(const std::string& token_hash) = 0;
    // Notes that the session was used now (to the minute).
    virtual Result<void> touch_session(const std::string& token_hash, UnixSeconds now) = 0;
    virtual Result<void> set_session_notice(const std::string& token_hash, NoticeKind kind,
                                            const std::string& notice) = 0;
    virtual Result<void> remove_session(const std::string& token_hash) = 0;
    // Removes the sessions unused since `idle_before` or made before `created_before`.
    virtual Result<void> remove_stale_sessions(UnixSeconds idle_before, UnixSeconds created_before) = 0;

    // What the attendance reports count for the sites over [from, to) (attendance_figures.h).
    virtual Result<AttendanceFigures> attendance_figures(const FigureQuery& query) = 0;

    // Visitors' names (docs/privacy.md, name_erasure.h). Erasing keeps every record and
    // what the reports count; only the name and marker go.
    // One batch of at most `batch_size` records received before `cutoff`; how many rows
    // lost a name (fewer than `batch_size`: nothing more to do).
    virtual Result<std::int64_t> erase_names_received_before(UnixSeconds cutoff, int batch_size) = 0;
    virtual Result<std::vector<NamedVisitor>> named_visitors(std::int64_t site_id) = 0;
    // Who is in the site's building by its kiosks' records of visits begun in [from, to).
    virtual Result<SiteRollCall> site_roll_call(std::int64_t site_id, UnixSeconds from, UnixSeconds to) = 0;
    // The site's places by activity, for its kiosks (place_ledger.h), of occurrences
    // from `from` on; and the moves of those in [from, to), for the week page.
    virtual Result<std::vector<ActivityPlaces>> site_places(std::int64_t site_id, UnixSeconds from) = 0;
    virtual Result<std::vector<PlaceMove>> place_moves(std::int64_t site_id, UnixSeconds from, UnixSeconds to) = 0;
    // All the site's records naming these visitors; how many lost a name.
    virtual Result<std::int64_t> erase_visitor_names(std::int64_t site_id,
                                                     const std::vector<std::string>& visitor_keys) = 0;
};

// The embedded default: one SQLite file in WAL mode; every delivery is on disk
// (synchronous=FULL) before it is acknowledged.
Result<std::unique_ptr<ServerStore>> open_sqlite_server_store(const std::string& path);

} // namespace olohuone::server
