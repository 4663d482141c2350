<?php
declare(strict_types=1);

namespace Vendor\Strings {
    if (!\function_exists(u::class)) {
        /**
         * Makes a Unicode string.
         *
         * @param string $text The text.
         */
        function u(string $text = ''): string
        {
            return $text;
        }
    }

    /** Detached from its class by a blank line. */

    #[\Attribute]
    abstract class Marker
    {
        /** A doc block, then a line comment. */
        // not part of the doc
        #[Pure]
        public static function of(
            string $name,
        ): self {
            $f = function () { return new class { public function hidden() {} }; };
            return new self();
        }

        abstract protected function run(): void;
    }

    try {
        /** Declared in a try block. */
        enum Suit: string
        {
            case Hearts = 'H';

            public function label(): string { return 'hearts'; }
        }
    } finally {
    }
}

namespace {
    /** In the global namespace. */
    function global_helper(): void {}
}
