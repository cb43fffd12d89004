#include "store/storage_probe.h"

namespace olohuone::store {

Result<void> try_a_write(sql::Database& database)
{
    auto transaction = sql::Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    // Read inside the write transaction, so no migration can change it in between.
    auto version = database.query_int("PRAGMA user_version");
    if (!version)
        return version.error();
    if (auto written = database.execute_script("PRAGMA user_version = " + std::to_string(version.value()));
        !written)
        return written.error();
    return transaction->commit();
}

} // namespace olohuone::store
