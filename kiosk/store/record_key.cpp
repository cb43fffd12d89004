#include "store/record_key.h"

#include <uuid/uuid.h>

namespace olohuone::store {

std::string new_record_key()
{
    uuid_t bytes;
    uuid_generate_random(bytes);
    char text[37];
    uuid_unparse_lower(bytes, text);
    return text;
}

} // namespace olohuone::store
