# Build speed: a compiler cache and a faster linker, each used when it is installed,
# unity builds and line-table debug information. None changes what the programs do;
# docs/testing.md has the figures.

# ccache. Paths under the source tree are hashed relative to it (CCACHE_BASEDIR) and the
# working directory not at all (CCACHE_NOHASHDIR), so a new clone in another folder, the
# package build and the previous release's build all find the objects a first build
# left. The cache itself is wherever CCACHE_DIR says (tools/dev/run-tests puts it under
# /var/cache/olohuone, outside the clone), by default ccache's own ~/.cache/ccache.
option(OLOHUONE_CCACHE "Compile through ccache when it is installed" ON)
if(OLOHUONE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  find_program(OLOHUONE_CCACHE_PROGRAM ccache)
  if(OLOHUONE_CCACHE_PROGRAM)
    set(olohuone_launcher env "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}" CCACHE_NOHASHDIR=1
      CCACHE_SLOPPINESS=include_file_mtime,include_file_ctime
      "${OLOHUONE_CCACHE_PROGRAM}")
    set(CMAKE_C_COMPILER_LAUNCHER ${olohuone_launcher})
    set(CMAKE_CXX_COMPILER_LAUNCHER ${olohuone_launcher})
  endif()
endif()

# Unity builds: each target's sources compiled in batches of 8, so gtest's, CLI11's and
# nlohmann-json's headers (and what they instantiate) are compiled once per batch, not
# once per file: about half the compile time. -DCMAKE_UNITY_BUILD=OFF compiles file by
# file (a file that only builds in a batch is caught there). Names in a source file's
# anonymous namespace share the batch: give shared test helpers one definition.
if(NOT DEFINED CMAKE_UNITY_BUILD)
  set(CMAKE_UNITY_BUILD ON)
endif()
# A batch includes its files by absolute path, so __FILE__ (in every gtest assertion)
# would name the clone's folder and no test object would be found again from a clone
# elsewhere. Relative to the tree it is the same in every clone, and a failing test
# names tests/...; debug information keeps its full paths.
add_compile_options("-fmacro-prefix-map=${PROJECT_SOURCE_DIR}/=")

# The linker: lld links the test programs, with their debug information, several times
# faster than GNU ld. A toolchain without it links as before.
set(OLOHUONE_LINKER "lld" CACHE STRING "Linker given to -fuse-ld= (lld, mold, gold, bfd); empty: the compiler's default")
if(OLOHUONE_LINKER)
  include(CheckLinkerFlag)
  check_linker_flag(CXX "-fuse-ld=${OLOHUONE_LINKER}" OLOHUONE_LINKER_WORKS)
  if(OLOHUONE_LINKER_WORKS)
    add_link_options("-fuse-ld=${OLOHUONE_LINKER}")
  endif()
endif()

# Debug information: line tables only (-g1) unless asked for more. Backtraces, sanitizer
# reports and a debugger's "where" keep their files and lines; full -g (locals, types)
# makes each compile about a third slower and is stripped from the packages anyway
# (cmake/packaging.cmake). -DOLOHUONE_FULL_DEBUG_INFO=ON for a debugging session.
option(OLOHUONE_FULL_DEBUG_INFO "Full debug information (-g) in RelWithDebInfo builds" OFF)
if(NOT OLOHUONE_FULL_DEBUG_INFO)
  set(CMAKE_C_FLAGS_RELWITHDEBINFO "-O2 -g1 -DNDEBUG")
  set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O2 -g1 -DNDEBUG")
endif()
