// Sends the CSRF token with every htmx request (forms carry it as a hidden field already).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A control marked data-autosubmit submits its form when changed (the content security policy forbids inline
// handlers such as onchange="…").
document.addEventListener('change', function (event) {
  var control = event.target.closest ? event.target.closest('[data-autosubmit]') : null;
  if (control && control.form) {
    control.form.requestSubmit ? control.form.requestSubmit() : control.form.submit();
  }
});

// Demo mode: a click on a demo account's name fills the login form with it.
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('.demo-login') : null;
  var username = document.getElementById('username');
  if (button && username) {
    username.value = button.getAttribute('data-username');
    document.getElementById('password').focus();
  }
});

// The printable enterprise report: a button opens the browser's print dialog (the print stylesheet does the rest).
document.addEventListener('click', function (event) {
  if (event.target.closest && event.target.closest('[data-print]')) {
    window.print();
  }
});
