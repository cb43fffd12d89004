#include "store/sqlite.h"

#include <sqlite3.h>

#include <cerrno>
#include <thread>
#include <utility>

namespace olohuone::sql {
namespace {

std::string describe(sqlite3* db, int code)
{
    std::string message = sqlite3_errstr(code);
    if (db != nullptr) {
        const char* detail = sqlite3_errmsg(db);
        if (detail != nullptr && message != detail)
            message += std::string(" (") + detail + ")";
    }
    return message;
}

// SQLite says SQLITE_FULL when a write or the file's growth met ENOSPC, and SQLITE_IOERR
// (with the errno kept) when the shared-memory index could not grow on a full disk:
// both are a full disk to the kiosk. A quota reached (EDQUOT) is the same to a visitor.
bool storage_is_full(sqlite3* db, int code)
{
    const int primary = code & 0xff;
    if (primary == SQLITE_FULL)
        return true;
    if (primary != SQLITE_IOERR || db == nullptr)
        return false;
    const int system_error = sqlite3_system_errno(db);
    return system_error == ENOSPC || system_error == EDQUOT;
}

Error failure(sqlite3* db, int code, std::string message)
{
    return storage_is_full(db, code) ? storage_full_error(std::move(message)) : make_error(std::move(message));
}

} // namespace

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_statement(std::exchange(other.m_statement, nullptr)),
      m_bind_error(std::move(other.m_bind_error))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_db = std::exchange(other.m_db, nullptr);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_bind_error = std::move(other.m_bind_error);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_statement); }

void Statement::note_bind_result(int code, int index)
{
    if (code != SQLITE_OK && m_bind_error.empty())
        m_bind_error = "binding parameter " + std::to_string(index) + ": " + describe(m_db, code);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    note_bind_result(sqlite3_bind_int64(m_statement, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    note_bind_result(sqlite3_bind_text(m_statement, index, text.data(), static_cast<int>(text.size()),
                                       SQLITE_TRANSIENT),
                     index);
    return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value)
{
    return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_null(int index)
{
    note_bind_result(sqlite3_bind_null(m_statement, index), index);
    return *this;
}

Result<bool> Statement::step()
{
    if (!m_bind_error.empty())
        return make_error(m_bind_error);
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    return failure(m_db, code, describe(m_db, code));
}

Result<void> Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return row.error();
        if (!row.value())
            return {};
    }
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_bind_error.clear();
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(m_statement, index); }

std::string Statement::column_text(int index) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, index));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index))) : std::string{};
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(m_statement, index) == SQLITE_NULL; }

Result<Database> Database::open(const std::string& path, OpenMode mode)
{
    sqlite3* db = nullptr;
    const int flags = (mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        | SQLITE_OPEN_NOMUTEX;
    const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (code != SQLITE_OK) {
        std::string message = path + ": cannot open the database: " + describe(db, code);
        sqlite3_close(db);
        return make_error(std::move(message));
    }
    sqlite3_extended_result_codes(db, 1);
    return Database(db, path);
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        sqlite3_close(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Database::~Database() { sqlite3_close(m_db); }

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    const int code = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, &tail);
    if (code != SQLITE_OK)
        return make_error(describe(m_db, code) + " in: " + std::string(sql));
    Statement prepared(m_db, statement);
    const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
    if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos)
        return make_error("more than one SQL statement in: " + std::string(sql));
    return prepared;
}

Result<void> Database::execute_script(const std::string& sql)
{
    char* message = nullptr;
    const int code = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        std::string text = message ? message : describe(m_db, code);
        sqlite3_free(message);
        return failure(m_db, code, std::move(text));
    }
    return {};
}

// Steps `sql` to its first row, which the caller reads column 0 of.
Result<Statement> Database::first_row(std::string_view sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return statement.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    if (!row.value())
        return make_error("no row from: " + std::string(sql));
    return std::move(statement).value();
}

Result<std::int64_t> Database::query_int(std::string_view sql)
{
    auto statement = first_row(sql);
    if (!statement)
        return statement.error();
    return statement->column_int(0);
}

Result<std::string> Database::query_text(std::string_view sql)
{
    auto statement = first_row(sql);
    if (!statement)
        return statement.error();
    return statement->column_text(0);
}

bool Database::in_memory() const
{
    const char* file = sqlite3_db_filename(m_db, "main");
    return file == nullptr || *file == '\0';
}

Result<void> Database::use_write_ahead_log(std::chrono::milliseconds patience)
{
    if (in_memory())
        return {};
    const auto give_up_at = std::chrono::steady_clock::now() + patience;
    for (;;) {
        sqlite3_stmt* statement = nullptr;
        int code = sqlite3_prepare_v2(m_db, "PRAGMA journal_mode = WAL", -1, &statement, nullptr);
        std::string mode;
        if (code == SQLITE_OK) {
            code = sqlite3_step(statement);
            if (code == SQLITE_ROW)
                mode = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        }
        const std::string problem = code == SQLITE_ROW ? std::string{} : describe(m_db, code);
        sqlite3_finalize(statement);
        if (code == SQLITE_ROW) {
            if (mode != "wal")
                return make_error("the file stays in journal mode '" + mode + "'");
            return {};
        }
        const int primary = code & 0xff;
        if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) || std::chrono::steady_clock::now() >= give_up_at)
            return make_error(problem);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

std::int64_t Database::changes() const { return sqlite3_changes64(m_db); }

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(m_db); }

Result<Transaction> Transaction::begin(Database& database)
{
    if (auto started = database.execute_script("BEGIN IMMEDIATE"); !started)
        return started.error();
    return Transaction(database);
}

Transaction::~Transaction()
{
    if (m_database != nullptr)
        (void)m_database->execute_script("ROLLBACK");
}

Result<void> Transaction::commit()
{
    Database* database = std::exchange(m_database, nullptr);
    if (database == nullptr)
        return make_error("transaction already finished");
    auto committed = database->execute_script("COMMIT");
    if (!committed)
        (void)database->execute_script("ROLLBACK");
    return committed;
}

} // namespace olohuone::sql
