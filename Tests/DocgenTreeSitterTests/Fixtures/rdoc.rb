# frozen_string_literal: true
#--
# Copyright notice, private to RDoc.
#++

require "set"

##
# An HTTP client, read as RDoc reads it:
# a class named through its module.
#
#   client = Net::HTTP.new("example.org")

class Net::HTTP < Protocol
  VERSION = "1.0" # :nodoc:

  # Starts a session.
  # :call-seq:
  #   start { |http| ... } -> object
  #
  # The block gets the session.

  def self.start(address)
    new(address)
  end

  class << self
    # The default port.
    def default_port
      80
    end
  end

  # Not equal.
  def !=(other)
    !equal?(other)
  end

  # The address.
  private def address
    @address
  end

  if RUBY_VERSION >= "3.0"
    # Ruby 3 only.
    def modern?
      true
    end
  end

  [:get, :post].each do |verb|
    def dynamic_helper; end
  end

  def request(req) # :yields: response
    yield req
  end
end

module Net::HTTP::Util
  module_function

  # Escapes +text+.
  #
  # Returns a String.
  def escape(text)
    text
  end
end
