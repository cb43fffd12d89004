// The thin SQLite layer: one statement per prepare, binding mistakes reported instead
// of silently storing NULL, and transactions that undo themselves unless committed.
#include <gtest/gtest.h>

#include "store/sqlite.h"
#include "store_test_support.h"

namespace olohuone::sql {
namespace {

using test::open_plain;
using test::TempDir;

class StoreSql : public ::testing::Test {
protected:
    void SetUp() override
    {
        path = dir.file("plain.db");
        database.emplace(open_plain(path));
        ASSERT_TRUE(database->execute_script("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL, "
                                             "n INTEGER)")
                        .ok());
    }

    std::int64_t notes() { return database->query_int("SELECT count(*) FROM note").value(); }

    TempDir dir;
    std::string path;
    std::optional<Database> database;
};

TEST_F(StoreSql, PrepareRefusesTwoStatements)
{
    auto two = database->prepare("INSERT INTO note (text) VALUES ('a'); DROP TABLE note");
    ASSERT_FALSE(two.ok());
    EXPECT_NE(two.error().message.find("more than one SQL statement"), std::string::npos) << two.error().message;
    EXPECT_NE(two.error().message.find("DROP TABLE note"), std::string::npos) << two.error().message;
    // Nothing of it ran.
    EXPECT_EQ(notes(), 0);
}

TEST_F(StoreSql, PrepareAcceptsOneStatementWithTrailingSemicolonAndSpace)
{
    auto one = database->prepare("INSERT INTO note (text) VALUES ('a');  \n");
    ASSERT_TRUE(one.ok()) << one.error().message;
    ASSERT_TRUE(one->run().ok());
    EXPECT_EQ(notes(), 1);
}

TEST_F(StoreSql, PrepareReportsSyntaxErrorsWithTheSql)
{
    auto bad = database->prepare("SELEKT * FROM note");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("SELEKT * FROM note"), std::string::npos) << bad.error().message;
}

TEST_F(StoreSql, BindingAMissingParameterIsAnError)
{
    auto insert = database->prepare("INSERT INTO note (text, n) VALUES (?, ?)");
    ASSERT_TRUE(insert.ok());
    insert->bind(1, std::string_view("hello")).bind(3, std::int64_t{7});
    auto ran = insert->run();
    ASSERT_FALSE(ran.ok()) << "a value bound to parameter 3 of 2 was silently dropped";
    EXPECT_NE(ran.error().message.find("parameter 3"), std::string::npos) << ran.error().message;
    EXPECT_EQ(notes(), 0) << "the statement must not run with a parameter left unbound";

    // reset() clears the mistake; correct bindings then work.
    insert->reset();
    insert->bind(1, std::string_view("hello")).bind(2, std::int64_t{7});
    ASSERT_TRUE(insert->run().ok());
    EXPECT_EQ(notes(), 1);
}

TEST_F(StoreSql, FirstBindingErrorIsTheOneReported)
{
    auto insert = database->prepare("INSERT INTO note (text) VALUES (?)");
    ASSERT_TRUE(insert.ok());
    insert->bind(0, std::string_view("zero")).bind(5, std::int64_t{1}).bind(1, std::string_view("ok"));
    auto stepped = insert->step();
    ASSERT_FALSE(stepped.ok());
    EXPECT_NE(stepped.error().message.find("parameter 0"), std::string::npos) << stepped.error().message;
}

TEST_F(StoreSql, ConstraintViolationIsAnError)
{
    auto insert = database->prepare("INSERT INTO note (text) VALUES (?)");
    ASSERT_TRUE(insert.ok());
    insert->bind_null(1);
    auto ran = insert->run();
    ASSERT_FALSE(ran.ok());
    EXPECT_NE(ran.error().message.find("NOT NULL"), std::string::npos) << ran.error().message;
}

TEST_F(StoreSql, OptionalBindsNullOrValue)
{
    auto insert = database->prepare("INSERT INTO note (text, n) VALUES ('x', ?)");
    ASSERT_TRUE(insert.ok());
    insert->bind(1, std::optional<std::int64_t>{});
    ASSERT_TRUE(insert->run().ok());
    insert->reset();
    insert->bind(1, std::optional<std::int64_t>{-42});
    ASSERT_TRUE(insert->run().ok());

    auto select = database->prepare("SELECT n FROM note ORDER BY id");
    ASSERT_TRUE(select.ok());
    ASSERT_TRUE(select->step().value());
    EXPECT_TRUE(select->column_is_null(0));
    ASSERT_TRUE(select->step().value());
    EXPECT_FALSE(select->column_is_null(0));
    EXPECT_EQ(select->column_int(0), -42);
    EXPECT_FALSE(select->step().value());
}

TEST_F(StoreSql, TextWithNulAndUtf8SurvivesBinding)
{
    const std::string text = std::string("Äänekoski\0jälkeen", 18);
    auto insert = database->prepare("INSERT INTO note (text) VALUES (?)");
    ASSERT_TRUE(insert.ok());
    insert->bind(1, std::string_view(text));
    ASSERT_TRUE(insert->run().ok());
    EXPECT_EQ(database->query_text("SELECT text FROM note").value(), text);
}

TEST_F(StoreSql, TransactionNotCommittedIsRolledBack)
{
    {
        auto transaction = Transaction::begin(*database);
        ASSERT_TRUE(transaction.ok()) << transaction.error().message;
        ASSERT_TRUE(database->execute_script("INSERT INTO note (text) VALUES ('kesken')").ok());
        EXPECT_EQ(notes(), 1);
    }
    EXPECT_EQ(notes(), 0);
    // No transaction is left open: a new one can begin.
    auto again = Transaction::begin(*database);
    EXPECT_TRUE(again.ok()) << again.error().message;
}

TEST_F(StoreSql, CommittedTransactionIsInTheFile)
{
    {
        auto transaction = Transaction::begin(*database);
        ASSERT_TRUE(transaction.ok());
        ASSERT_TRUE(database->execute_script("INSERT INTO note (text) VALUES ('valmis')").ok());
        ASSERT_TRUE(transaction->commit().ok());
        EXPECT_FALSE(transaction->commit().ok()) << "a second commit must be refused";
    }
    database.reset();
    Database reopened = open_plain(path);
    EXPECT_EQ(reopened.query_text("SELECT text FROM note").value(), "valmis");
}

TEST_F(StoreSql, MovedTransactionRollsBackOnce)
{
    {
        auto transaction = Transaction::begin(*database);
        ASSERT_TRUE(transaction.ok());
        Transaction moved(std::move(transaction.value()));
        ASSERT_TRUE(database->execute_script("INSERT INTO note (text) VALUES ('siirretty')").ok());
    }
    EXPECT_EQ(notes(), 0);
}

TEST_F(StoreSql, QueryWithNoRowIsAnError)
{
    auto none = database->query_int("SELECT n FROM note");
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.error().message.find("no row"), std::string::npos) << none.error().message;
}

TEST_F(StoreSql, ReadOnlyOpenOfMissingFileFailsWithoutCreatingIt)
{
    const std::string missing = dir.file("missing.db");
    auto opened = Database::open(missing, OpenMode::ReadOnly);
    ASSERT_FALSE(opened.ok());
    EXPECT_NE(opened.error().message.find(missing), std::string::npos) << opened.error().message;
    EXPECT_FALSE(std::filesystem::exists(missing));
}

} // namespace
} // namespace olohuone::sql
