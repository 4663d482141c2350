from os import path name
