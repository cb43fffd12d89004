#include "kiosk_seed.h"

#include "bench_support.h"
#include "store/outbox.h"
#include "store/record_key.h"
#include "store/store.h"
#include "store/visit_log.h"

namespace olohuone::bench {
namespace {

// A surname of letters for visitor `i` (names take no digits): "Aa", "Ab", ….
std::string letters_for(int i)
{
    std::string letters;
    do {
        letters.insert(letters.begin(), static_cast<char>('a' + i % 26));
        i /= 26;
    } while (i > 0);
    letters.front() = static_cast<char>(letters.front() - 'a' + 'A');
    return letters;
}

} // namespace

void seed_sign_ins(const std::string& path, int count, UnixSeconds first)
{
    auto opened = store::Store::open(path);
    if (!opened)
        fail("cannot make the kiosk database " + path + ": " + opened.error().message);
    sql::Database& database = opened->database();
    if (auto fast = database.execute_script("PRAGMA synchronous = OFF"); !fast)
        fail(fast.error().message);
    store::VisitLog visits(database);
    for (int i = 0; i < count; ++i) {
        SignInDraft draft;
        draft.key = store::new_record_key();
        draft.group_id = i % 3 == 0 ? "resident" : "relative";
        draft.typed_name = "Vieras " + letters_for(i);
        if (auto signed_in = visits.sign_in(draft, {first + i, true}); !signed_in)
            fail("sign-in " + std::to_string(i) + ": " + signed_in.error().message);
    }
    auto waiting = store::outbox_waiting(database);
    if (!waiting || waiting.value() != count)
        fail("the seeded outbox does not hold " + std::to_string(count) + " records");
    if (auto flushed = database.execute_script("PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE)"); !flushed)
        fail(flushed.error().message);
}

} // namespace olohuone::bench
