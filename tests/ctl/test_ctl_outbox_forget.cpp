// outbox (what waits for the server, what it refused) and forget (a data-protection
// erasure) through the real olohuonectl against records made by the real store.
#include <gtest/gtest.h>

#include "kiosk_fixture.h"
#include "store/outbox.h"
#include "support/instants.h"

namespace olohuone::testing {
namespace {

using test::utc;

class OutboxTest : public KioskFixture {};

TEST_F(OutboxTest, CountsTheWaitingNamesTheOldestAndListsTheRefusedWithReasons)
{
    const std::string delivered = sign_in("Aino Korhonen", "resident", utc(2026, 11, 24, 8, 0));
    const std::string refused = sign_in("Åsa Öhman", "relative", utc(2026, 11, 24, 8, 5));
    const std::string oldest_waiting = sign_in("Eero Mäkinen", "resident", utc(2026, 11, 24, 8, 10));
    count_anonymous("other", utc(2026, 11, 24, 8, 20));
    const std::string reason = "payload.visitor.name must be a text of 1 to 240 bytes";
    ASSERT_TRUE(store::settle_outbox(store().database(), {{delivered, std::nullopt}, {refused, reason}},
                                     utc(2026, 11, 24, 8, 30))
                    .ok());

    const CtlRun run = kiosk({"outbox"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("waiting for the server: 2\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("oldest waiting: " + oldest_waiting + " visit.sign_in, made 2026-11-24 10:10\n"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("set aside (refused by the server): 1\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("no server is configured"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find(refused), std::string::npos) << "listed only with --set-aside";

    const CtlRun listed = kiosk({"outbox", "--set-aside"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_NE(listed.out.find(refused + " visit.sign_in, made 2026-11-24 10:05, refused 2026-11-24 10:30: " + reason),
              std::string::npos)
        << listed.out;

    const CtlRun limit = kiosk({"outbox", "--limit", "0"});
    EXPECT_EQ(limit.exit_code, 64);
    EXPECT_NE(limit.err.find("--limit"), std::string::npos) << limit.err;
}

class ForgetTest : public KioskFixture {
protected:
    void SetUp() override
    {
        const Occurrence gym = activity("tuolijumppa", utc(2026, 11, 24, 9, 0), 1);
        aino_visit = sign_in("Aino Korhonen", "resident", utc(2026, 11, 24, 8, 0));
        sign_out(aino_visit, utc(2026, 11, 24, 10, 0));
        register_for(gym, "Aino Korhonen", "resident", utc(2026, 11, 24, 8, 1));
        register_for(gym, "Lars Åberg", "volunteer", utc(2026, 11, 24, 8, 2)); // waits: one place
        cancel(gym, "Aino Korhonen", "resident", utc(2026, 11, 24, 8, 3));     // Lars moves up
        mark_here(gym, "Aino Korhonen", "resident", utc(2026, 11, 24, 8, 55));
        mark_here(gym, "Lars Åberg", "volunteer", utc(2026, 11, 24, 8, 56));
        count_here(gym, utc(2026, 11, 24, 8, 57));
        count_anonymous("resident", utc(2026, 11, 24, 8, 58));
        // A namesake: another person who typed the same name in another group.
        sign_in("aino korhonen", "relative", utc(2026, 11, 20, 12, 0), "resident");
        // The first two of Aino's records reached the server.
        ASSERT_TRUE(
            store::settle_outbox(store().database(), {{aino_visit, std::nullopt}}, utc(2026, 11, 24, 8, 30)).ok());
        ASSERT_TRUE(store::settle_outbox(store().database(),
                                         {{store::outbox_next(store().database(), 1).value().at(0).key, std::nullopt}},
                                         utc(2026, 11, 24, 8, 30))
                        .ok());
        resident_key = key_of("Aino Korhonen", "resident");
    }

    std::string key_of(const std::string& name, const std::string& group)
    {
        auto select = store().database().prepare("SELECT key FROM visitor WHERE name = ? AND group_id = ?");
        select->bind(1, name).bind(2, group);
        EXPECT_TRUE(select->step().value());
        return select->column_text(0);
    }

    std::string aino_visit;
    std::string resident_key;
};

TEST_F(ForgetTest, AnAmbiguousNameIsRefusedListingThePeople)
{
    const std::int64_t outbox_before = number("SELECT count(*) FROM outbox");
    const CtlRun run = kiosk({"forget", "--name", "AINO  korhonen", "--yes"});
    EXPECT_EQ(run.exit_code, 64);
    EXPECT_NE(run.err.find("2 visitors are named 'AINO korhonen'; pick one with --visitor-key"), std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("Aino Korhonen, Asukas, last seen 2026-11-24 10:55, visitor key " + resident_key),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("aino korhonen, Omainen tai ystävä, last seen 2026-11-20 14:00"), std::string::npos)
        << run.err;
    EXPECT_EQ(number("SELECT count(*) FROM visitor"), 3);
    EXPECT_EQ(number("SELECT count(*) FROM outbox"), outbox_before);
}

TEST_F(ForgetTest, WithoutYesItListsWhatItWouldEraseAndChangesNothing)
{
    const std::int64_t outbox_before = number("SELECT count(*) FROM outbox");
    const CtlRun run = kiosk({"forget", "--name", "Aino Korhonen", "--visitor-key", resident_key});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    // Her sign-in and sign-out, registration and its cancellation, and attendance.
    EXPECT_NE(run.out.find("would erase Aino Korhonen, Asukas, last seen 2026-11-24 10:55, visitor key " + resident_key
                           + ": 1 visit, 1 registration, 1 attendance record, 5 outbox records"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("nothing was changed; add --yes to erase"), std::string::npos) << run.out;
    EXPECT_EQ(number("SELECT count(*) FROM visitor"), 3);
    EXPECT_EQ(number("SELECT count(*) FROM outbox"), outbox_before);
}

TEST_F(ForgetTest, WithYesThePersonAndTheirRecordsAreGoneAndOthersStay)
{
    const std::int64_t outbox_before = number("SELECT count(*) FROM outbox");
    const std::int64_t lars_records =
        number("SELECT count(*) FROM outbox WHERE json_extract(payload, '$.visitor.name') = 'Lars Åberg'");
    const CtlRun run = kiosk({"forget", "--name", "Aino Korhonen", "--visitor-key", resident_key, "--yes"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("erased Aino Korhonen, Asukas"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("2 records had already been delivered to the server: the copy on the server must be "
                           "erased there too"),
              std::string::npos)
        << run.out;

    EXPECT_EQ(number("SELECT count(*) FROM visitor WHERE key = '" + resident_key + "'"), 0);
    EXPECT_EQ(number("SELECT count(*) FROM outbox WHERE instr(payload, 'Aino Korhonen') > 0"), 0);
    EXPECT_EQ(number("SELECT count(*) FROM outbox WHERE key = '" + aino_visit + "'"), 0);
    EXPECT_EQ(number("SELECT count(*) FROM outbox"), outbox_before - 5);
    // Lars, the namesake and the counts without a name stay; so does Lars's move up,
    // which was his record.
    EXPECT_EQ(number("SELECT count(*) FROM visitor"), 2);
    EXPECT_EQ(number("SELECT count(*) FROM outbox WHERE json_extract(payload, '$.visitor.name') = 'Lars Åberg'"),
              lars_records);
    EXPECT_EQ(number("SELECT count(*) FROM outbox WHERE kind = 'registration.promoted'"), 1);
    EXPECT_EQ(number("SELECT count(*) FROM visit WHERE visitor_id IS NULL"), 1);
    EXPECT_EQ(number("SELECT count(*) FROM attendance WHERE visitor_id IS NULL"), 1);
    EXPECT_EQ(number("SELECT count(*) FROM registration"), 1);
    EXPECT_EQ(number("SELECT count(*) FROM attendance"), 2);
    EXPECT_EQ(number("SELECT count(*) FROM pragma_foreign_key_check"), 0) << "nothing refers to the erased visitor";

    const CtlRun again = kiosk({"forget", "--name", "Aino Korhonen", "--visitor-key", resident_key, "--yes"});
    EXPECT_EQ(again.exit_code, 64);
    EXPECT_NE(again.err.find("--visitor-key " + resident_key + " is none of the visitors named"), std::string::npos)
        << again.err;
}

TEST_F(ForgetTest, ANameNoOneHasIsRefused)
{
    const CtlRun run = kiosk({"forget", "--name", "Maija Meikäläinen"});
    EXPECT_EQ(run.exit_code, 64);
    EXPECT_NE(run.err.find("no visitor on this kiosk is named 'Maija Meikäläinen'"), std::string::npos) << run.err;
    const CtlRun not_a_name = kiosk({"forget", "--name", "1234"});
    EXPECT_EQ(not_a_name.exit_code, 64);
    EXPECT_NE(not_a_name.err.find("--name '1234'"), std::string::npos) << not_a_name.err;
}

} // namespace
} // namespace olohuone::testing
