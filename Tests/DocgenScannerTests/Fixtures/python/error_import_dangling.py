import os
import a.b as
