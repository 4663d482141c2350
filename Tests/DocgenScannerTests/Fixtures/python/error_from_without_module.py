from import support
