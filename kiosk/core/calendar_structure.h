#pragma once
// The BEGIN/END structure of an iCalendar text, checked before libical reads it: libical
// gives up on a whole file for one component left open inside an event (an Outlook
// VALARM without its END), so such an event is left out here, named with its line, and
// the rest of the file is read. A file that ends before its END:VCALENDAR (a download cut
// short) is left as it is: the importer refuses it whole rather than take half a
// programme for the whole one.
#include <string>
#include <string_view>
#include <vector>

namespace olohuone {

struct CheckedStructure {
    std::string text;                  // the text without the broken components
    std::vector<std::string> warnings; // one per component left out or line ignored
};

// `file` names the file in the warnings.
CheckedStructure leave_out_broken_components(const std::string& file, std::string_view text);

} // namespace olohuone
