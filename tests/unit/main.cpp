// The one doctest main of the unit test binary; every other test file only includes doctest.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
