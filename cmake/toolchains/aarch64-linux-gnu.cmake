# Cross-builds Olohuone for a Raspberry Pi running 64-bit Raspberry Pi OS (Debian 12,
# arm64) on a Debian 12 amd64 machine, with Debian's multiarch cross toolchain and the
# :arm64 -dev packages installed beside the amd64 ones (tools/dev/install-deps arm64).
# Usage: cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake
# docs/raspberry-pi.md says more.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# Multiarch keeps the arm64 libraries and CMake package files in
# /usr/lib/aarch64-linux-gnu of this same root, so there is no sysroot: with the
# architecture set, find_library and find_package(CONFIG) search lib/aarch64-linux-gnu
# and never reach the amd64 ones in lib/x86_64-linux-gnu. Header-only packages'
# files in /usr/share/cmake serve both architectures.
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# pkg-config reads only arm64 .pc files (and the architecture-independent ones). The
# /usr/local folder comes first: install-deps puts the arm64 libical.pc there, since
# libical-dev:arm64 cannot be installed beside libical-dev:amd64.
set(ENV{PKG_CONFIG_LIBDIR}
  "/usr/local/lib/aarch64-linux-gnu/pkgconfig:/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")

# ctest and gtest_discover_tests run the arm64 test programs through qemu-user,
# called directly so that nothing depends on binfmt_misc (often not registered in a
# container). "-L /": the arm64 dynamic loader and libraries are the multiarch ones
# (libc6:arm64 puts /lib/ld-linux-aarch64.so.1 in the root), the same that the
# program was linked against, not the cross toolchain's copy in /usr/aarch64-linux-gnu.
# Without qemu-user-static the programs still build; tests need it (OLOHUONE_TESTS=OFF
# builds no tests).
find_program(OLOHUONE_QEMU_AARCH64 qemu-aarch64-static)
if(OLOHUONE_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${OLOHUONE_QEMU_AARCH64};-L;/")
endif()
