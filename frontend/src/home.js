// Home page: confirm before deleting, and keep the create button from being pressed twice while the
// server embeds.

for (const form of document.querySelectorAll('form.delete-form')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}

for (const form of document.querySelectorAll('#create-form, form[action$="/datasets/demo"]')) {
  form.addEventListener('submit', () => {
    const button = form.querySelector('button[type=submit]');
    if (button) {
      button.disabled = true;
      button.textContent = `${button.textContent} …`;
    }
  });
}
