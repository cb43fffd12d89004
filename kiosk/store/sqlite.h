#pragma once
// A thin RAII layer over SQLite: non-copyable handles, prepared statements only, errors as
// values. The only code in the kiosk that includes sqlite3.h.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace olohuone::sql {

class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Parameters are numbered from 1, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::optional<std::int64_t> value);
    Statement& bind_null(int index);

    // True when a row is ready to read, false when the statement is done.
    Result<bool> step();
    // Steps until done, for statements that return no rows.
    Result<void> run();
    void reset();

    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;
    bool column_is_null(int index) const;

private:
    friend class Database;
    Statement(sqlite3* db, sqlite3_stmt* statement) : m_db(db), m_statement(statement) {}
    void note_bind_result(int code, int index);

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    std::string m_bind_error;
};

enum class OpenMode { ReadWriteCreate, ReadOnly };

class Database {
public:
    static Result<Database> open(const std::string& path, OpenMode mode);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // One statement; trailing SQL after it is an error, so a typo cannot hide a second one.
    Result<Statement> prepare(std::string_view sql);
    // Several statements (migrations, pragmas), no parameters.
    Result<void> execute_script(const std::string& sql);
    // The first column of the first row of a one-statement query.
    Result<std::int64_t> query_int(std::string_view sql);
    Result<std::string> query_text(std::string_view sql);
    // Switches a file to write-ahead logging, trying again for up to `patience` while
    // another connection holds the lock: SQLite refuses that switch at once, without the
    // busy timeout, when waiting could deadlock (two connections opening a new file).
    // An in-memory database has no file to log beside and keeps its 'memory' journal.
    Result<void> use_write_ahead_log(std::chrono::milliseconds patience);
    // True for ":memory:" and other databases with no file behind them.
    bool in_memory() const;

    std::int64_t changes() const;
    std::int64_t last_insert_id() const;
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

private:
    Result<Statement> first_row(std::string_view sql);
    Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}

    sqlite3* m_db = nullptr;
    std::string m_path;
};

// Steps through every row of `statement`, turning each into a value with `read_row`.
template <typename ReadRow>
auto collect_rows(Statement& statement, ReadRow read_row) -> Result<std::vector<decltype(read_row(statement))>>
{
    std::vector<decltype(read_row(statement))> rows;
    for (;;) {
        auto more = statement.step();
        if (!more)
            return more.error();
        if (!more.value())
            return rows;
        rows.push_back(read_row(statement));
    }
}

// The first row of `statement` turned into a value with `read_row`, or none when the
// query has no row. The statement is reset after, ready to bind and run again.
template <typename ReadRow>
auto optional_row(Statement& statement, ReadRow read_row) -> Result<std::optional<decltype(read_row(statement))>>
{
    using Value = decltype(read_row(statement));
    auto row = statement.step();
    if (!row)
        return row.error();
    std::optional<Value> value;
    if (row.value())
        value = read_row(statement);
    statement.reset();
    return value;
}

// BEGIN IMMEDIATE on construction; rolls back on destruction unless committed.
class Transaction {
public:
    static Result<Transaction> begin(Database& database);
    Transaction(Transaction&& other) noexcept : m_database(other.m_database) { other.m_database = nullptr; }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();

    Result<void> commit();

private:
    explicit Transaction(Database& database) : m_database(&database) {}
    Database* m_database;
};

// After personal data was erased: with `secure_delete` on, the freed bytes in the pages
// are zeroed, but the pages' old images stay in the write-ahead log until a checkpoint
// writes the new ones back and the log is emptied. Best effort: a reader that is still
// open keeps the log until it is done, and the next checkpoint finishes the work.
inline Result<void> flush_erased_pages(Database& database)
{
    return database.execute_script("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace olohuone::sql
